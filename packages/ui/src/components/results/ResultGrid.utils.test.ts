import { Field, Float64, Int64, Schema, Table, Utf8, tableFromArrays, vectorFromArray } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import {
  MAX_CELL_CHARS,
  MAX_COLUMN_WIDTH,
  clipCellText,
  readCellText,
  MIN_COLUMN_WIDTH,
  arrowTypeLabel,
  buildGridColumns,
  columnTypeLabel,
  guessColumnWidth,
  locateRow,
  rowNumberWidth,
  scrollScale,
} from './ResultGrid.utils'

describe('locateRow', () => {
  const starts = [0, 100, 250]
  const count = 300

  it('finds the batch and the offset inside it', () => {
    expect(locateRow(starts, count, 0)).toEqual({ batch: 0, offset: 0 })
    expect(locateRow(starts, count, 99)).toEqual({ batch: 0, offset: 99 })
    expect(locateRow(starts, count, 100)).toEqual({ batch: 1, offset: 0 })
    expect(locateRow(starts, count, 299)).toEqual({ batch: 2, offset: 49 })
  })

  it('answers null outside the result', () => {
    expect(locateRow(starts, count, 300)).toBeNull()
    expect(locateRow(starts, count, -1)).toBeNull()
    expect(locateRow([], 0, 0)).toBeNull()
  })

  it('skips empty batches that share a start', () => {
    expect(locateRow([0, 10, 10, 20], 30, 10)).toEqual({ batch: 2, offset: 0 })
  })
})

describe('column labels', () => {
  it('prefers the idw:pg_type metadata over the Arrow type', () => {
    const typed = new Field('avg_delay', new Float64(), true, new Map([['idw:pg_type', 'numeric']]))
    expect(columnTypeLabel(typed)).toBe('numeric')
    expect(columnTypeLabel(new Field('n', new Int64()))).toBe('Int64')
  })

  it('shows dictionaries as their value type', () => {
    const table = tableFromArrays({ s: ['a', 'b'] })
    expect(arrowTypeLabel(table.schema.fields[0]!.type)).toBe('Utf8')
  })
})

describe('widths', () => {
  it('guesses from the longest text within bounds', () => {
    expect(guessColumnWidth('id', 'int4', ['1', '22'])).toBe(MIN_COLUMN_WIDTH)
    expect(guessColumnWidth('name', 'text', ['x'.repeat(500)])).toBe(MAX_COLUMN_WIDTH)
    expect(guessColumnWidth('state', 'text', ['Massachusetts'])).toBe(Math.round(13 * 7.6 + 22))
  })

  it('widens the row-number column with the digits of the row count', () => {
    expect(rowNumberWidth(52)).toBe(44)
    expect(rowNumberWidth(3_000_000)).toBeGreaterThan(rowNumberWidth(1000))
  })

  it('builds one column per field with numeric flags', () => {
    const table = tableFromArrays({ state: ['CA', 'TX'], flights: new Float64Array([1, 2]) })
    const schema = new Schema([new Field('state', new Utf8()), table.schema.fields[1]!])
    const columns = buildGridColumns(schema.fields, table.batches[0])
    expect(columns.map((c) => [c.id, c.name, c.typeLabel, c.numeric])).toEqual([
      ['0', 'state', 'Utf8', false],
      ['1', 'flights', 'Float64', true],
    ])
  })
})

describe('readCellText', () => {
  const table = new Table({
    state: vectorFromArray(['CA', null, 'TX', 'NY'], new Utf8()),
    flights: vectorFromArray([10n, 20n, 30n, 40n], new Int64()),
  })
  const batches = [...table.slice(0, 3).batches, ...table.slice(3).batches]
  const starts = [0, 3]

  it('reads one cell through the row → (batch, offset) lookup', () => {
    expect(readCellText(batches, starts, 4, 0, 0)).toBe('CA')
    expect(readCellText(batches, starts, 4, 1, 0)).toBeNull()
    expect(readCellText(batches, starts, 4, 3, 0)).toBe('NY')
    expect(readCellText(batches, starts, 4, 3, 1)).toBe('40')
  })

  it('answers undefined for rows or columns that are not there', () => {
    expect(readCellText(batches, starts, 4, 4, 0)).toBeUndefined()
    expect(readCellText(batches, starts, 4, 0, 5)).toBeUndefined()
  })

  it('clips long texts', () => {
    expect(clipCellText('x'.repeat(MAX_CELL_CHARS + 5))).toHaveLength(MAX_CELL_CHARS + 1)
    expect(clipCellText('short')).toBe('short')
  })
})

describe('scrollScale', () => {
  it('is the identity while the body fits', () => {
    const scale = scrollScale(2_600_000, 44, 500, 10_000_000)
    expect(scale.domBodyHeight).toBe(2_600_000)
    expect([scale.toVirtual(1234), scale.toDom(1234)]).toEqual([1234, 1234])
  })

  it('maps the last DOM scroll position of a capped body to the last virtual one', () => {
    const body = 3_000_000 * 26
    const scale = scrollScale(body, 44, 500, 10_000_000)
    expect(scale.domBodyHeight).toBe(10_000_000)
    const lastDom = 44 + 10_000_000 - 500
    expect(scale.toVirtual(lastDom)).toBeCloseTo(44 + body - 500)
    expect(scale.toDom(scale.toVirtual(4321))).toBeCloseTo(4321)
    expect(scale.toVirtual(0)).toBe(0)
  })
})
