import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Int32, Utf8, type RecordBatch } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeExportFile } from '../index.js'
import { buildBatch, generateBatches } from '../testing/arrow-fixtures.js'
import { openDuckDb, sqlString, type DuckDbReader } from '../testing/duckdb.js'

/** Each value and the field it must become; the first batch is pure ASCII without delimiters (fast path). */
const ASCII_PLAIN: readonly [string | null, string][] = [
  ['plain', 'plain'],
  [' leading space', '" leading space"'],
  ['trailing space ', '"trailing space "'],
  ['\ttab', '"\ttab"'],
  ['', '""'],
  [null, ''],
]
const SPECIAL: readonly [string | null, string][] = [
  ['a,b', '"a,b"'],
  ['say "hi"', '"say ""hi"""'],
  ['"', '""""'],
  [',', '","'],
  ['line1\nline2', '"line1\nline2"'],
  ['cr\rhere', '"cr\rhere"'],
  ['crlf\r\nhere', '"crlf\r\nhere"'],
  ['unicode: 日本語 🎉 é', 'unicode: 日本語 🎉 é'],
  ['ünïcode, with comma', '"ünïcode, with comma"'],
  [' ', '" "'],
  ['', '""'],
  [null, ''],
]

let folder: string
let duck: DuckDbReader

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-csv-quote-'))
  duck = await openDuckDb()
})

afterAll(async () => {
  duck.close()
  await rm(folder, { recursive: true, force: true })
})

function textBatch(rows: readonly [string | null, string][]): ReturnType<typeof buildBatch> {
  return buildBatch([
    { name: 'n', type: new Int32(), pgType: 'int4', values: rows.map((_, i) => i) },
    { name: 'value', type: new Utf8(), pgType: 'text', values: rows.map(([value]) => value) },
  ])
}

describe('CSV quoting', () => {
  it('quotes delimiters, quotes, CR, LF and edge blanks, and keeps "" apart from NULL', async () => {
    const batches = [textBatch(ASCII_PLAIN).batch, textBatch(SPECIAL).batch]
    const { schema } = textBatch([])
    const file = path.join(folder, 'quoting.csv')
    await writeExportFile(
      schema,
      generateBatches(2, (i) => batches[i] as RecordBatch),
      { format: 'csv', path: file },
    )

    const expected = [ASCII_PLAIN, SPECIAL].flatMap((rows) => rows.map(([, field], i) => `${i},${field}\n`))
    expect(await readFile(file, 'utf8')).toBe('n,value\n' + expected.join(''))
  })

  it('reads back through DuckDB as the same strings and NULLs', async () => {
    const { schema, batch } = textBatch([...ASCII_PLAIN, ...SPECIAL])
    const file = path.join(folder, 'quoting-duck.csv')
    await writeExportFile(
      schema,
      generateBatches(1, () => batch),
      { format: 'csv', path: file },
    )

    const rows = await duck.rows(
      `SELECT value FROM read_csv(${sqlString(file)}, header = true, all_varchar = true, allow_quoted_nulls = false,
        delim = ',', quote = '"', escape = '"')`,
    )
    expect(rows.map((row) => row.value)).toEqual([...ASCII_PLAIN, ...SPECIAL].map(([value]) => value))
  })

  it('quotes column names in the header when needed', async () => {
    const { schema, batch } = buildBatch(
      ['a,b', 'say "x"', 'ünïcode', ' spaced', ''].map((name) => ({
        name,
        type: new Int32(),
        pgType: 'int4',
        values: [1],
      })),
    )
    const file = path.join(folder, 'header.csv')
    await writeExportFile(
      schema,
      generateBatches(1, () => batch),
      { format: 'csv', path: file },
    )

    expect(await readFile(file, 'utf8')).toBe('"a,b","say ""x""",ünïcode," spaced",""\n1,1,1,1,1\n')
  })
})
