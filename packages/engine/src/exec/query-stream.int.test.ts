import { RecordBatchReader, Type, tableFromIPC, type Table, type Vector } from 'apache-arrow'
import { beforeAll, describe, expect, it } from 'vitest'
import { collectTable } from '../../test/query-streams.js'
import { useScratchSchema } from '../../test/scratch-schema.js'
import { PG_TYPE_METADATA_KEY } from '../api/contract/query.js'
import { encodeArrowIpcStream, openQueryStream } from './index.js'
import { createEveryTypeTable } from './testing/every-type-table.js'

const SCHEMA = `exec_stream_${process.pid}`
const pool = useScratchSchema(SCHEMA, { maxConnections: 4, setup: (pool) => createEveryTypeTable(pool, SCHEMA) })

const col = (table: Table, name: string): Vector => table.getChild(name)!
const raw = (vector: Vector): unknown[] => Array.from(vector.data[0]!.values as ArrayLike<unknown>)
const lists = (vector: Vector): (unknown[] | null)[] =>
  Array.from(vector, (value: Vector | null) => (value === null ? null : [...value]))
const decimals = (vector: Vector): bigint[] => {
  const words = vector.data[0]!.values as Uint32Array
  return Array.from({ length: vector.length }, (_, i) => {
    const u = [3, 2, 1, 0].reduce((acc, w) => (acc << 32n) | BigInt(words[4 * i + w]!), 0n)
    return u >= 1n << 127n ? u - (1n << 128n) : u
  })
}
const micros = (iso: string): bigint => BigInt(Date.parse(iso)) * 1000n

describe('openQueryStream on every type', () => {
  let table: Table
  beforeAll(async () => {
    table = await collectTable(await openQueryStream(pool, `SELECT * FROM ${SCHEMA}.every_type ORDER BY id`))
  })

  it('gives each column the Arrow type of the type map and its PostgreSQL type as metadata', () => {
    const types = table.schema.fields.map((f) => [f.name, Type[f.typeId], f.metadata.get(PG_TYPE_METADATA_KEY)])
    expect(types).toEqual([
      ['id', 'Int', 'integer'],
      ['i2', 'Int', 'smallint'],
      ['i8', 'Int', 'bigint'],
      ['o', 'Int', 'oid'],
      ['f4', 'Float', 'real'],
      ['f8', 'Float', 'double precision'],
      ['n38', 'Decimal', 'numeric(38,3)'],
      ['nfree', 'Utf8', 'numeric'],
      ['n40', 'Utf8', 'numeric(40,2)'],
      ['txt', 'Utf8', 'text'],
      ['vc', 'Utf8', 'character varying(10)'],
      ['bp', 'Utf8', 'character(4)'],
      ['b', 'Bool', 'boolean'],
      ['d', 'Date', 'date'],
      ['ts', 'Timestamp', 'timestamp without time zone'],
      ['tstz', 'Timestamp', 'timestamp with time zone'],
      ['tm', 'Time', 'time without time zone'],
      ['u', 'Utf8', 'uuid'],
      ['js', 'Utf8', 'json'],
      ['jb', 'Utf8', 'jsonb'],
      ['by', 'Binary', 'bytea'],
      ['ai', 'List', 'integer[]'],
      ['atx', 'List', 'text[]'],
      ['an', 'List', 'numeric(10,2)[]'],
      ['ats', 'List', 'timestamp with time zone[]'],
      ['iv', 'Utf8', 'interval'],
      ['ip', 'Utf8', 'inet'],
      ['m', 'Utf8', `${SCHEMA}.mood`],
      ['p', 'Decimal', 'numeric(12,2)'],
      ['ap', 'List', `${SCHEMA}.price[]`],
      ['aiv', 'List', 'interval[]'],
    ])
    expect(table.schema.fields.map((f) => f.type.bitWidth ?? null).slice(0, 6)).toEqual([32, 16, 64, 64, null, null])
    expect(col(table, 'jb').type.typeId).toBe(Type.Utf8)
    expect(table.schema.fields.find((f) => f.name === 'js')!.metadata.get('ARROW:extension:name')).toBe('arrow.json')
    expect(String(col(table, 'tstz').type)).toBe('Timestamp<MICROSECOND, UTC>')
    expect(String(col(table, 'ts').type)).toBe('Timestamp<MICROSECOND>')
  })

  it('decodes numbers exactly, nulls included', () => {
    expect(table.numRows).toBe(3)
    expect(col(table, 'i2').toArray()).toEqual(Int16Array.of(-32768, 0, 32767))
    expect(raw(col(table, 'i8'))).toEqual([9007199254740993n, 0n, -9223372036854775808n])
    expect(raw(col(table, 'o'))).toEqual([4000000000n, 0n, 0n])
    expect([...col(table, 'f4')]).toEqual([1.25, null, NaN])
    expect([...col(table, 'f8')]).toEqual([-0.1, null, -Infinity])
    expect(decimals(col(table, 'n38'))).toEqual([-12345678901234567890123n, 0n, 10n ** 38n - 1n])
    expect(decimals(col(table, 'p'))).toEqual([1250n, 0n, -1n])
    expect([...col(table, 'nfree')]).toEqual(['-12345678901234567890.123', null, 'NaN'])
    expect([...col(table, 'n40')]).toEqual(['1.50', null, 'NaN'])
    for (const name of ['i2', 'i8', 'o', 'f4', 'f8', 'n38', 'nfree', 'n40', 'p'])
      expect(col(table, name).nullCount).toBe(1)
  })

  it('decodes text, json, uuid and bytea from their bytes', () => {
    expect([...col(table, 'txt')]).toEqual(['Grüße 🌍', null, ''])
    expect([...col(table, 'vc')]).toEqual(['', null, 'x'])
    expect([...col(table, 'bp')]).toEqual(['ab  ', null, '    '])
    expect([...col(table, 'b')]).toEqual([true, null, false])
    expect([...col(table, 'u')]).toEqual([
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      null,
      '00000000-0000-0000-0000-000000000000',
    ])
    expect([...col(table, 'js')]).toEqual(['{"k": [1, "é"]}', null, 'null'])
    expect([...col(table, 'jb')]).toEqual(['{"a": 1, "z": null}', null, '[]'])
    expect([...col(table, 'by')]).toEqual([Uint8Array.of(0, 255, 16), null, new Uint8Array(0)])
  })

  it('decodes dates and times on the Unix epoch, infinities as null', () => {
    expect(raw(col(table, 'd'))[0]).toBe(Date.parse('2024-02-29') / 86_400_000)
    expect([col(table, 'd').nullCount, col(table, 'ts').nullCount]).toEqual([2, 2])
    expect(raw(col(table, 'ts'))[0]).toBe(micros('2024-02-29T12:34:56.123Z') + 456n)
    expect(raw(col(table, 'tstz'))).toEqual([micros('2024-02-29T10:34:56.500Z'), 0n, 0n])
    expect(col(table, 'tstz').isValid(2)).toBe(true)
    expect(raw(col(table, 'tm'))).toEqual([(13n * 3600n + 14n * 60n + 15n) * 1_000_000n + 16n, 0n, 0n])
  })

  it('decodes arrays as lists and other types as PostgreSQL text', () => {
    expect(lists(col(table, 'ai'))).toEqual([[1, null, -3], null, []])
    expect(lists(col(table, 'atx'))).toEqual([['a', null, ''], null, []])
    expect(col(table, 'an').get(2)!.length).toBe(4)
    expect(lists(col(table, 'ats'))[0]).toEqual([Date.parse('2000-01-01T00:00:00Z'), null])
    expect([...col(table, 'iv')]).toEqual(['1 year 2 mons 3 days 04:05:06', null, '-00:00:01'])
    expect([...col(table, 'ip')]).toEqual(['192.168.0.1/24', null, '::1/128'])
    expect([...col(table, 'm')]).toEqual(['happy', null, 'sad'])
    expect(lists(col(table, 'aiv'))).toEqual([['1 day', null], null, []])
    expect(String(col(table, 'ap').type)).toBe('List<Decimal[12e+2]>')
    expect(col(table, 'ap').get(2)!.nullCount).toBe(1)
  })

  it('round-trips through the Arrow IPC stream format', async () => {
    const sizes: [number, number][] = []
    const stream = await openQueryStream(pool, `SELECT * FROM ${SCHEMA}.every_type ORDER BY id`)
    const chunks: Uint8Array[] = []
    for await (const chunk of encodeArrowIpcStream(stream, (rows, bytes) => sizes.push([rows, bytes])))
      chunks.push(chunk)
    await stream.close()
    expect(sizes.map(([rows]) => rows)).toEqual([0, 3, 0])
    expect(sizes.map(([, bytes]) => bytes)).toEqual(chunks.map((c) => c.byteLength))
    const decoded = tableFromIPC(chunks)
    expect(decoded.schema.fields.map((f) => [f.name, String(f.type), Object.fromEntries(f.metadata)])).toEqual(
      table.schema.fields.map((f) => [f.name, String(f.type), Object.fromEntries(f.metadata)]),
    )
    const json = (t: Table) => JSON.stringify(t.toArray(), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))
    expect(json(decoded)).toBe(json(table))
    const again = await openQueryStream(pool, `SELECT * FROM ${SCHEMA}.every_type ORDER BY id`, { batchRows: 2 })
    const reader = await RecordBatchReader.from(encodeArrowIpcStream(again))
    const rows: [number, number][] = []
    for await (const batch of reader) rows.push([batch.schema.fields.length, batch.numRows])
    await again.close()
    expect(rows).toEqual([
      [31, 2],
      [31, 1],
    ])
  })
})
