import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Field, Int64, Schema, Utf8, tableFromIPC } from 'apache-arrow'
import { readParquet } from 'parquet-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeExportFile } from '../index.js'
import { buildBatch, generateBatches } from '../testing/arrow-fixtures.js'
import { openDuckDb, sqlString, type DuckDbReader } from '../testing/duckdb.js'
import { LIST_CASES } from '../testing/list-cases.js'
import { SCALAR_CASES } from '../testing/scalar-cases.js'

const CASES = [...SCALAR_CASES, ...LIST_CASES]

let folder: string
let duck: DuckDbReader
let typesFile: string

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-parquet-'))
  duck = await openDuckDb()
  await duck.rows("SET TimeZone = 'UTC'")
  const { schema, batch } = buildBatch(CASES)
  typesFile = path.join(folder, 'types.parquet')
  await writeExportFile(
    schema,
    generateBatches(1, () => batch),
    { format: 'parquet', path: typesFile },
  )
})

afterAll(async () => {
  duck.close()
  await rm(folder, { recursive: true, force: true })
})

describe('writeExportFile to Parquet', () => {
  it('keeps every type of the type map: DuckDB reads the same types', async () => {
    const described = await duck.rows(`DESCRIBE SELECT * FROM read_parquet(${sqlString(typesFile)})`)
    expect(described.map((row) => [row.column_name, row.column_type])).toEqual(
      CASES.map((column) => [column.name, column.duckType]),
    )
  })

  it('keeps every value and NULL', async () => {
    const columns = CASES.map((column) => `"${column.name}"::VARCHAR AS "${column.name}"`).join(', ')
    const rows = await duck.rows(`SELECT ${columns} FROM read_parquet(${sqlString(typesFile)})`)
    expect(rows).toHaveLength(4)
    for (const column of CASES) {
      expect({ column: column.name, values: rows.map((row) => row[column.name]) }).toEqual({
        column: column.name,
        values: column.duck,
      })
    }
    const [exact] = await duck.rows(
      `SELECT epoch_us(ts)::VARCHAR AS ts, epoch_us(tstz)::VARCHAR AS tstz, big::VARCHAR AS big
       FROM read_parquet(${sqlString(typesFile)}) LIMIT 1 OFFSET 1`,
    )
    expect(exact).toEqual({ ts: '0', tstz: '0', big: '9007199254740993' })
  })

  it('writes Parquet logical types: timestamp unit and zone, date, time, decimal, list, int16', async () => {
    const rows = await duck.rows(
      `SELECT name, type, logical_type FROM parquet_schema(${sqlString(typesFile)})
       WHERE name IN ('small', 'big', 'amount', 'day', 'ts', 'tstz', 'clock', 'ints')`,
    )
    const byName = Object.fromEntries(rows.map((row) => [row.name, `${row.type} ${row.logical_type}`]))
    expect(byName.small).toMatch(/^INT32 IntType\(bitWidth=.*isSigned=1\)$/)
    expect(byName.big).toBe('INT64 null')
    expect(byName.amount).toBe('FIXED_LEN_BYTE_ARRAY DecimalType(scale=4, precision=38)')
    expect(byName.day).toBe('INT32 DateType()')
    expect(byName.ts).toMatch(/^INT64 TimestampType\(isAdjustedToUTC=0, unit=.*MICROS=MicroSeconds\(\)/)
    expect(byName.tstz).toMatch(/^INT64 TimestampType\(isAdjustedToUTC=1, unit=.*MICROS=MicroSeconds\(\)/)
    expect(byName.clock).toMatch(/^INT64 TimeType\(isAdjustedToUTC=0, unit=.*MICROS=MicroSeconds\(\)/)
    expect(byName.ints).toBe('null ListType()')
  })

  it('keeps the Arrow schema with each field idw:pg_type metadata', async () => {
    const table = tableFromIPC(readParquet(await readFile(typesFile)).intoIPCStream())
    expect(
      table.schema.fields.map((field) => [field.name, String(field.type), field.metadata.get('idw:pg_type')]),
    ).toEqual(CASES.map((column) => [column.name, String(column.type), column.pgType]))
    expect(table.schema.fields.find((field) => field.name === 'doc')?.metadata.get('ARROW:extension:name')).toBe(
      'arrow.json',
    )
  })

  it('compresses with zstd by default and with snappy on request', async () => {
    const { schema, batch } = buildBatch(SCALAR_CASES)
    const snappy = path.join(folder, 'snappy.parquet')
    await writeExportFile(
      schema,
      generateBatches(1, () => batch),
      { format: 'parquet', path: snappy, compression: 'snappy' },
    )

    const codecs = async (file: string): Promise<string[]> =>
      (await duck.rows(`SELECT DISTINCT compression FROM parquet_metadata(${sqlString(file)})`)).map((row) =>
        String(row.compression),
      )
    expect(await codecs(typesFile)).toEqual(['ZSTD'])
    expect(await codecs(snappy)).toEqual(['SNAPPY'])
  })

  it('writes an empty result as a file with its columns and no rows', async () => {
    const { schema } = buildBatch(CASES)
    const file = path.join(folder, 'empty.parquet')
    const result = await writeExportFile(
      schema,
      generateBatches(0, () => undefined as never),
      {
        format: 'parquet',
        path: file,
      },
    )

    const described = await duck.rows(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`)
    expect(described.map((row) => row.column_type)).toEqual(CASES.map((column) => column.duckType))
    expect(await duck.rows(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(file)})`)).toEqual([{ n: 0 }])
    expect(result.rows).toBe(0)
  })

  it('writes batches of zero rows among others', async () => {
    const schema = new Schema([new Field('id', new Int64(), true), new Field('name', new Utf8(), true)])
    const make = (ids: bigint[]) =>
      buildBatch([
        { name: 'id', type: new Int64(), pgType: 'int8', values: ids },
        { name: 'name', type: new Utf8(), pgType: 'text', values: ids.map(String) },
      ]).batch
    const batches = [make([1n, 2n]), make([]), make([3n])]
    const file = path.join(folder, 'zero-rows.parquet')
    const result = await writeExportFile(
      schema,
      generateBatches(3, (i) => batches[i] ?? make([])),
      {
        format: 'parquet',
        path: file,
      },
    )

    expect(result.rows).toBe(3)
    expect(await duck.rows(`SELECT id::INTEGER AS id, name FROM read_parquet(${sqlString(file)})`)).toEqual([
      { id: 1, name: '1' },
      { id: 2, name: '2' },
      { id: 3, name: '3' },
    ])
  })
})
