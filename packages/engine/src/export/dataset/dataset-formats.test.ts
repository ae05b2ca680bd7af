import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Int64, Utf8, tableFromIPC, type Vector } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportManifest } from '../../api/contract/export.js'
import type { FormatOptions } from '../format-settings.js'
import { buildBatch, generateBatches } from '../testing/arrow-fixtures.js'
import { STATEMENT, arrowAsParquet, flightsFrom, sha256Of } from '../testing/dataset-files.js'
import { openDuckDb, sqlString, type DuckDbReader } from '../testing/duckdb.js'
import { FLIGHTS_SCHEMA, flightDelay, flights } from '../testing/flights-batches.js'
import { LIST_CASES } from '../testing/list-cases.js'
import { SCALAR_CASES } from '../testing/scalar-cases.js'
import { runDatasetExport } from './run-dataset-export.js'

const ROWS = 30_000
let expectedDelay = 0
for (let row = 0; row < ROWS; row++) expectedDelay += flightDelay(row)

let folder: string
let duck: DuckDbReader

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-dataset-formats-'))
  duck = await openDuckDb()
})

afterAll(async () => {
  duck.close()
  await rm(folder, { recursive: true, force: true })
})

describe('runDatasetExport: every format round trips through an independent reader', () => {
  it.each<FormatOptions & { name: string }>([
    { name: 'default.csv', format: 'csv' },
    { name: 'semicolon.csv', format: 'csv', delimiter: ';' },
    { name: 'tab.csv', format: 'csv', delimiter: '\t', header: false },
    { name: 'pipe.csv', format: 'csv', delimiter: '|' },
    { name: 'lines.jsonl', format: 'jsonl' },
    { name: 'file.arrow', format: 'arrow' },
    { name: 'zstd.parquet', format: 'parquet' },
    { name: 'snappy.parquet', format: 'parquet', compression: 'snappy', rowGroupRows: 4096 },
  ])('$name', async ({ name, ...format }) => {
    const result = await runDatasetExport(FLIGHTS_SCHEMA, flights(ROWS, 4096), {
      ...format,
      folder,
      fileName: name,
      statement: STATEMENT,
    })

    const file = path.join(folder, name)
    expect(result.files).toEqual([
      { name, split: null, part: null, rows: ROWS, bytes: result.bytes, sha256: await sha256Of(file) },
    ])
    const from = await flightsFrom(format.format, file, format)
    const [summary] = await duck.rows(
      `SELECT count(*)::INTEGER AS n, sum(delay)::BIGINT::VARCHAR AS delay, min(date)::VARCHAR AS first,
         max(date)::VARCHAR AS last, count(DISTINCT origin)::INTEGER AS origins FROM ${from}`,
    )
    expect(summary).toEqual({
      n: ROWS,
      delay: String(expectedDelay),
      first: '2001-01-01 00:00:00',
      last: new Date(Date.UTC(2001, 0, 1) + (ROWS - 1) * 37_000).toISOString().replace('T', ' ').slice(0, 19),
      origins: 20,
    })
    if (format.format === 'parquet') {
      const codecs = await duck.rows(`SELECT DISTINCT compression FROM parquet_metadata(${sqlString(file)})`)
      expect(codecs).toEqual([{ compression: format.compression === 'snappy' ? 'SNAPPY' : 'ZSTD' }])
      const [groups] = await duck.rows(
        `SELECT count(DISTINCT row_group_id)::INTEGER AS n FROM parquet_metadata(${sqlString(file)})`,
      )
      expect(groups).toEqual({ n: Math.ceil(ROWS / (format.rowGroupRows ?? 122_880)) })
    }
  })

  it('quotes CSV fields holding the chosen delimiter, and JSON Lines keeps text and big integers exact', async () => {
    const texts = ['a;b', 'c|d', 'e\tf', 'say "hi"', 'two\nlines', 'back\\slash é', null, '']
    const { schema, batch } = buildBatch([
      { name: 'text', type: new Utf8(), pgType: 'text', values: texts },
      { name: 'big', type: new Int64(), pgType: 'int8', values: texts.map((_, i) => 9007199254740993n + BigInt(i)) },
    ])
    for (const delimiter of [';', '\t', '|'] as const) {
      const fileName = `tricky-${delimiter.charCodeAt(0)}.csv`
      await runDatasetExport(
        schema,
        generateBatches(1, () => batch),
        {
          format: 'csv',
          delimiter,
          folder,
          fileName,
          statement: STATEMENT,
        },
      )
      const rows = await duck.rows(
        `SELECT text, big::VARCHAR AS big FROM read_csv(${sqlString(path.join(folder, fileName))}, header = true,
           delim = ${sqlString(delimiter)}, quote = '"', escape = '"', allow_quoted_nulls = false, all_varchar = true)`,
      )
      expect(rows.map((row) => row.text)).toEqual(texts)
    }
    await runDatasetExport(
      schema,
      generateBatches(1, () => batch),
      {
        format: 'jsonl',
        folder,
        fileName: 'tricky.jsonl',
        statement: STATEMENT,
      },
    )
    const rows = await duck.rows(
      `SELECT text, big::VARCHAR AS big FROM read_json(${sqlString(path.join(folder, 'tricky.jsonl'))},
         format = 'newline_delimited', columns = {'text': 'VARCHAR', 'big': 'BIGINT'})`,
    )
    expect(rows).toEqual(texts.map((text, i) => ({ text, big: String(9007199254740993n + BigInt(i)) })))
  })

  it('writes every type of the type map to JSON Lines and Arrow, Arrow with its exact types and metadata', async () => {
    const cases = [...SCALAR_CASES, ...LIST_CASES]
    const { schema, batch } = buildBatch(cases)
    await runDatasetExport(
      schema,
      generateBatches(1, () => batch),
      { format: 'jsonl', folder, fileName: 'types.jsonl', statement: STATEMENT },
    )
    await runDatasetExport(
      schema,
      generateBatches(1, () => batch),
      { format: 'arrow', folder, fileName: 'types.arrow', statement: STATEMENT },
    )

    const lines = (await readFile(path.join(folder, 'types.jsonl'), 'utf8')).split('\n')
    expect(lines).toHaveLength(5)
    const objects = lines.slice(0, 4).map((line) => JSON.parse(line) as Record<string, unknown>)
    objects.forEach((object) => expect(Object.keys(object)).toEqual(cases.map((column) => column.name)))
    expect(Object.values(objects[3] ?? {}).every((value) => value === null)).toBe(true)
    expect(lines[1]).toContain('"big":9007199254740993,')

    const table = tableFromIPC(await readFile(path.join(folder, 'types.arrow')))
    expect(
      table.schema.fields.map((field) => [field.name, String(field.type), field.metadata.get('idw:pg_type')]),
    ).toEqual(cases.map((column) => [column.name, String(column.type), column.pgType]))
    const plain = (vector: Vector | null) =>
      JSON.stringify([...(vector ?? [])], (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))
    cases.forEach((_, c) => expect(plain(table.getChildAt(c))).toBe(plain(batch.getChildAt(c))))
    const checked = await arrowAsParquet(path.join(folder, 'types.arrow'))
    expect(await duck.rows(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(checked)})`)).toEqual([
      { n: 4 },
    ])
  })

  it('writes a manifest whose checksums, row counts and schema match the files', async () => {
    const result = await runDatasetExport(FLIGHTS_SCHEMA, flights(ROWS, 4096), {
      format: 'parquet',
      folder,
      fileName: 'manifested.parquet',
      split: { key: 'date', seed: 0, ratios: { train: 0.6, validation: 0.2, test: 0.2 } },
      partBytes: 64 * 1024,
      statement: STATEMENT,
    })

    const manifest = ExportManifest.parse(
      JSON.parse(await readFile(path.join(folder, 'manifested.manifest.json'), 'utf8')),
    )
    expect(manifest).toEqual(result.manifest)
    expect(manifest.files.length).toBeGreaterThan(3)
    for (const file of manifest.files) {
      const full = path.join(folder, file.name)
      expect(file.sha256).toBe(await sha256Of(full))
      expect(await duck.rows(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(full)})`)).toEqual([
        { n: file.rows },
      ])
    }
    expect(manifest.rows).toBe(ROWS)
    expect(manifest).toMatchObject({
      principal: 'local',
      statement: { sql: STATEMENT.sql, executedSql: STATEMENT.executedSql, parameters: [] },
      hub: { version: '15.0' },
      sources: [{ name: 'flights', extension: 'postgres_fdw', version: '15.0' }],
      format: { name: 'parquet', compression: 'zstd', rowGroupRows: 122_880 },
      split: {
        key: 'date',
        seed: 0,
        ratios: { train: 0.6, validation: 0.2, test: 0.2 },
        hash: { function: 'murmur3_x86_32' },
      },
      sample: null,
      parts: { targetBytes: 65536 },
      rowsRead: ROWS,
    })
    expect(manifest.schema).toEqual([
      { name: 'date', arrowType: 'Timestamp<MICROSECOND>', pgType: 'timestamp', nullable: true },
      { name: 'delay', arrowType: 'Int64', pgType: 'int8', nullable: true },
      { name: 'distance', arrowType: 'Int64', pgType: 'int8', nullable: true },
      { name: 'origin', arrowType: 'Utf8', pgType: 'text', nullable: true },
      { name: 'destination', arrowType: 'Utf8', pgType: 'text', nullable: true },
    ])
    const names = (await readdir(folder)).filter((name) => name.startsWith('manifested.'))
    expect(names.sort()).toEqual([...manifest.files.map((file) => file.name), 'manifested.manifest.json'].sort())
  })
})
