import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Field, Int32, List, Schema, Utf8, type RecordBatch } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeExportFile } from '../index.js'
import { buildBatch, generateBatches } from '../testing/arrow-fixtures.js'
import { openDuckDb, sqlString, type DuckDbReader } from '../testing/duckdb.js'
import { LIST_CASES } from '../testing/list-cases.js'
import { SCALAR_CASES } from '../testing/scalar-cases.js'

const CASES = [...SCALAR_CASES, ...LIST_CASES]

let folder: string
let duck: DuckDbReader

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-csv-'))
  duck = await openDuckDb()
})

afterAll(async () => {
  duck.close()
  await rm(folder, { recursive: true, force: true })
})

/** Reads a CSV export back with DuckDB, every column as text, `""` kept apart from NULL. */
function readCsvSql(file: string): string {
  return `SELECT * FROM read_csv(${sqlString(file)}, header = true, all_varchar = true, allow_quoted_nulls = false,
    delim = ',', quote = '"', escape = '"')`
}

describe('writeExportFile to CSV', () => {
  it('writes every type of the type map with its exact text, NULL as an empty unquoted field', async () => {
    const { schema, batch } = buildBatch(CASES)
    const file = path.join(folder, 'types.csv')
    const result = await writeExportFile(
      schema,
      generateBatches(1, () => batch),
      { format: 'csv', path: file },
    )

    const lines = (await readFile(file, 'utf8')).split('\n')
    expect(lines[0]).toBe(CASES.map((column) => column.name).join(','))
    for (let row = 0; row < 4; row++) {
      const expected = CASES.map((column) => `${column.name}=${column.csv[row]}`)
      const fields = splitLine(lines[row + 1] ?? '', CASES.length)
      expect(CASES.map((column, c) => `${column.name}=${fields[c]}`)).toEqual(expected)
    }
    expect(lines.slice(5)).toEqual([''])
    expect(result).toMatchObject({ path: file, rows: 4 })
    expect(result.bytes).toBe(Buffer.byteLength(await readFile(file, 'utf8')))
  })

  it('reads back through DuckDB with the same values, NULLs and empty strings', async () => {
    const { schema, batch } = buildBatch(CASES)
    const file = path.join(folder, 'types-duck.csv')
    await writeExportFile(
      schema,
      generateBatches(1, () => batch),
      { format: 'csv', path: file },
    )

    const rows = await duck.rows(readCsvSql(file))
    expect(rows).toHaveLength(4)
    for (const column of CASES) {
      expect({ column: column.name, values: rows.map((row) => row[column.name]) }).toEqual({
        column: column.name,
        values: column.text,
      })
    }
  })

  it('formats only the rows of a sliced batch (offsets into values, validity and boolean bitmaps)', async () => {
    const { schema, batch } = buildBatch(CASES)
    const file = path.join(folder, 'sliced.csv')
    await writeExportFile(
      schema,
      generateBatches(1, () => batch.slice(1, 3)),
      { format: 'csv', path: file },
    )

    const lines = (await readFile(file, 'utf8')).split('\n')
    expect(lines).toHaveLength(4)
    for (const [index, row] of [1, 2].entries()) {
      expect(splitLine(lines[index + 1] ?? '', CASES.length)).toEqual(CASES.map((column) => column.csv[row]))
    }
  })

  it('joins rows of many batches in order and writes nested lists as nested JSON arrays', async () => {
    const nested = new List(new Field('item', new List(new Field('item', new Int32(), true)), true))
    const { schema } = buildBatch([{ name: 'grid', type: nested, pgType: '_int4', values: [] }])
    const batches = [
      buildBatch([{ name: 'grid', type: nested, pgType: '_int4', values: [[[1, 2], [3]], null] }]).batch,
      buildBatch([{ name: 'grid', type: nested, pgType: '_int4', values: [[[], null], [[4]]] }]).batch,
    ]
    const file = path.join(folder, 'nested.csv')
    await writeExportFile(
      schema,
      generateBatches(2, (i) => batches[i] as RecordBatch),
      { format: 'csv', path: file },
    )

    expect(await readFile(file, 'utf8')).toBe('grid\n"[[1,2],[3]]"\n\n"[[],null]"\n[[4]]\n')
  })

  it('writes only the header for an empty result', async () => {
    const schema = new Schema([new Field('a', new Utf8(), true), new Field('b c', new Int32(), true)])
    const file = path.join(folder, 'empty.csv')
    const result = await writeExportFile(
      schema,
      generateBatches(0, () => undefined as never),
      {
        format: 'csv',
        path: file,
      },
    )

    expect(await readFile(file, 'utf8')).toBe('a,b c\n')
    expect(result.rows).toBe(0)
  })
})

/** Splits one CSV line into its raw fields (quotes kept), for lines without quoted line breaks. */
function splitLine(line: string, columns: number): string[] {
  const fields: string[] = []
  let at = 0
  for (;;) {
    let end = at
    if (line[at] === '"') {
      end = at + 1
      while (end < line.length && !(line[end] === '"' && line[end + 1] !== '"')) end += line[end] === '"' ? 2 : 1
      end += 1
    } else {
      while (end < line.length && line[end] !== ',') end += 1
    }
    fields.push(line.slice(at, end))
    if (end >= line.length) break
    at = end + 1
  }
  expect(fields).toHaveLength(columns)
  return fields
}
