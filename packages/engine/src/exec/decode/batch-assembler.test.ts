import { readFileSync } from 'node:fs'
import type { RecordBatch } from 'apache-arrow'
import { Schema, Table, tableToIPC, type Vector } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { planColumn, type PgColumnType } from '../type-map.js'
import { BatchAssembler, type BatchLimits } from './batch-assembler.js'
import { CopyBinaryDecoder } from './copy-binary-decoder.js'

/** 4 rows of every natively decoded type (fixtures/make-fixtures.sql): values, nulls, extremes, specials. */
const FIXTURE = new Uint8Array(readFileSync(new URL('../fixtures/all-types.copy', import.meta.url)))

const numericMod = (p: number, s: number): number => ((p << 16) | s) + 4
/** [base OID, typmod, element OID] of the fixture's columns, in order. */
const TYPES: [number, number, number | null][] = [
  [21, -1, null],
  [23, -1, null],
  [20, -1, null],
  [26, -1, null],
  [700, -1, null],
  [701, -1, null],
  [1700, numericMod(20, 3), null],
  [1700, -1, null],
  [25, -1, null],
  [1043, 9, null],
  [1042, 7, null],
  [19, -1, null],
  [16, -1, null],
  [1082, -1, null],
  [1114, -1, null],
  [1184, -1, null],
  [1083, -1, null],
  [2950, -1, null],
  [114, -1, null],
  [3802, -1, null],
  [17, -1, null],
  [1007, -1, 23],
  [1009, -1, 25],
  [1231, numericMod(10, 2), 1700],
]
const CODECS = TYPES.map(([baseOid, baseTypmod, elementOid], i) =>
  planColumn({ name: `c${i}`, typeName: 't', baseOid, baseTypmod, elementOid } satisfies PgColumnType),
)
const SCHEMA = new Schema(CODECS.map((codec) => codec.field))

function assemble(
  chunks: Uint8Array[],
  limits: Partial<BatchLimits> = {},
): { batches: RecordBatch[]; assembler: BatchAssembler } {
  const assembler = new BatchAssembler(SCHEMA, CODECS, {
    batchRows: 65536,
    batchBytes: 1 << 24,
    maxRows: null,
    ...limits,
  })
  const decoder = new CopyBinaryDecoder(CODECS.length, assembler)
  const batches: RecordBatch[] = []
  for (const chunk of chunks) {
    decoder.push(chunk)
    batches.push(...assembler.take())
  }
  decoder.end()
  assembler.flush()
  batches.push(...assembler.take())
  return { batches, assembler }
}

const values = (column: Vector | null): unknown[] =>
  Array.from(column?.data.flatMap((d) => Array.from(d.values as ArrayLike<unknown>)) ?? [])
const col = (table: Table, i: number): Vector => table.getChildAt(i)!
const list = (table: Table, i: number, row: number): unknown[] | null => {
  const value = col(table, i).get(row) as Vector | null
  return value === null ? null : [...value]
}

const rowsJson = (table: Table): string =>
  JSON.stringify(table.toArray(), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))

describe('BatchAssembler', () => {
  const table = new Table(assemble([FIXTURE]).batches)

  it('decodes integers, floats and oids at their extremes', () => {
    expect(col(table, 0).toArray()).toEqual(Int16Array.of(1, 0, -32768, 32767))
    expect(col(table, 1).toArray()).toEqual(Int32Array.of(1, 0, -2147483648, 2147483647))
    expect(values(col(table, 2))).toEqual([1n, 0n, -(2n ** 63n), 2n ** 63n - 1n])
    expect(values(col(table, 3))).toEqual([1n, 0n, 4294967295n, 0n])
    expect(Array.from(col(table, 4).toArray() as Float32Array)).toEqual([1.5, 0, NaN, Infinity])
    expect(Array.from(col(table, 5).toArray() as Float64Array)).toEqual([1.5, 0, -Infinity, 1e308])
    for (const i of [0, 1, 2, 3, 4, 5]) expect(col(table, i).nullCount).toBe(1)
  })

  it('decodes numerics: Decimal128 with NaN as null, unbounded as exact text', () => {
    const decimal = values(col(table, 6)) as number[]
    expect(decimal.slice(0, 4)).toEqual(
      Array.from(new Uint32Array(new BigInt64Array([-12345678901234567125n, -1n]).buffer)),
    )
    expect(col(table, 6).nullCount).toBe(2)
    expect(col(table, 6).isValid(3)).toBe(true)
    expect(decimal.slice(12, 16)).toEqual([1, 0, 0, 0])
    expect(col(table, 7).toArray()).toEqual(['-12345678901234567890.123', null, 'NaN', '0.000'])
  })

  it('decodes text types byte for byte, padding and empty strings included', () => {
    expect(col(table, 8).toArray()).toEqual(['héllo ✓ 😀', null, '', 'x'])
    expect(col(table, 9).toArray()).toEqual(['abc', null, '', 'xxxxx'])
    expect(col(table, 10).toArray()).toEqual(['ab ', null, '   ', 'xyz'])
    expect(col(table, 11).toArray()).toEqual(['nm', null, '', 'n'])
    expect(col(table, 12).toArray()).toEqual([true, null, false, true])
  })

  it('moves dates and timestamps to the Unix epoch, infinities as null', () => {
    expect(values(col(table, 13))).toEqual([19782, 0, 0, 0])
    expect(col(table, 13).nullCount).toBe(2)
    expect(values(col(table, 14))).toEqual([1709210096789012n, 0n, 0n, 946684799999999n])
    expect(values(col(table, 15))).toEqual([1709202896789012n, 0n, 0n, 0n])
    expect(col(table, 15).isValid(3)).toBe(true)
    expect(col(table, 15).nullCount).toBe(2)
    expect(values(col(table, 16))).toEqual([86399999999n, 0n, 0n, 86400000000n])
  })

  it('writes uuid as canonical text, json and jsonb as text, bytea as bytes', () => {
    expect(col(table, 17).toArray()).toEqual([
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      null,
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ])
    expect(col(table, 18).toArray()).toEqual(['{"a": [1, 2]}', null, '[]', '"s"'])
    expect(col(table, 19).toArray()).toEqual(['{"a": 1, "b": "ü"}', null, 'null', '[1.0, 2]'])
    expect(col(table, 20).get(0)).toEqual(Uint8Array.of(0xde, 0xad, 0xbe, 0xef))
    expect(col(table, 20).get(2)).toEqual(new Uint8Array(0))
  })

  it('decodes arrays as lists: null elements, empty arrays, flattened dimensions, dropped lower bounds', () => {
    expect([0, 1, 2, 3].map((row) => list(table, 21, row))).toEqual([[1, null, 3], null, [], [7, 8]])
    expect([0, 1, 2, 3].map((row) => list(table, 22, row))).toEqual([['x', null, ''], null, [], ['{\\}']])
    expect(list(table, 23, 2)?.length).toBe(4)
    expect(list(table, 23, 3)).toEqual([null])
  })

  it('builds the same Arrow data whatever the chunking and cuts batches at batchRows', () => {
    const expected = Buffer.from(tableToIPC(table))
    for (let cut = 1; cut < FIXTURE.length; cut += 1) {
      const { batches } = assemble([FIXTURE.subarray(0, cut), FIXTURE.subarray(cut)])
      const same = Buffer.from(tableToIPC(new Table(batches))).equals(expected)
      expect(same, `split at ${cut}`).toBe(true)
    }
    const small = assemble([FIXTURE], { batchRows: 3 }).batches
    expect(small.map((b) => b.numRows)).toEqual([3, 1])
    expect(rowsJson(new Table(small))).toBe(rowsJson(table))
  })

  it('cuts a batch once its rows took batchBytes', () => {
    expect(assemble([FIXTURE], { batchBytes: 1 }).batches.map((b) => b.numRows)).toEqual([1, 1, 1, 1])
  })

  it('stops at maxRows and reports truncated only when a further row existed', () => {
    const capped = assemble([FIXTURE], { maxRows: 2 })
    expect([capped.assembler.rows, capped.assembler.truncated]).toEqual([2, true])
    expect(capped.batches.reduce((n, b) => n + b.numRows, 0)).toBe(2)
    const exact = assemble([FIXTURE], { maxRows: 4 })
    expect([exact.assembler.rows, exact.assembler.truncated]).toEqual([4, false])
  })
})
