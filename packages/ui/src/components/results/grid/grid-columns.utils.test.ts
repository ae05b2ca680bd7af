import { Field, Float64, Int64, Schema, Utf8, tableFromArrays } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import {
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  arrowTypeLabel,
  buildGridColumns,
  columnTypeLabel,
  guessColumnWidth,
  moveColumn,
  rowNumberWidth,
  visibleColumnRange,
} from './grid-columns.utils'

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
  it('guesses from the longest text within bounds, leaving room for the header marks', () => {
    expect(guessColumnWidth('i', 'x', ['1', '22'])).toBe(MIN_COLUMN_WIDTH)
    expect(guessColumnWidth('name', 'text', ['x'.repeat(500)])).toBe(MAX_COLUMN_WIDTH)
    expect(guessColumnWidth('state', 'text', ['Massachusetts'])).toBe(Math.round(13 * 7.6 + 22))
    expect(guessColumnWidth('destination_airport', 'text', ['SFO'])).toBe(Math.round(19 * 7.4 + 52))
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

describe('visibleColumnRange', () => {
  const widths = [100, 100, 100, 100, 100, 100, 100, 100]
  const starts = widths.map((_, i) => i * 100)

  it('takes the columns meeting the viewport plus one either side', () => {
    expect(visibleColumnRange(starts, widths, 0, 300, 50)).toEqual({ first: 0, end: 4 })
    expect(visibleColumnRange(starts, widths, 350, 300, 50)).toEqual({ first: 2, end: 7 })
  })

  it('stays within the columns at the right edge', () => {
    expect(visibleColumnRange(starts, widths, 700, 300, 0)).toEqual({ first: 6, end: 8 })
    expect(visibleColumnRange([], [], 0, 300, 0)).toEqual({ first: 0, end: 0 })
  })
})

describe('moveColumn', () => {
  it('places the dragged column before or after the target', () => {
    expect(moveColumn(['a', 'b', 'c', 'd'], 'd', 'b', false)).toEqual(['a', 'd', 'b', 'c'])
    expect(moveColumn(['a', 'b', 'c', 'd'], 'a', 'c', true)).toEqual(['b', 'c', 'a', 'd'])
  })

  it('changes nothing for unknown ids or a drop on itself', () => {
    expect(moveColumn(['a', 'b'], 'a', 'a', true)).toEqual(['a', 'b'])
    expect(moveColumn(['a', 'b'], 'x', 'a', true)).toEqual(['a', 'b'])
  })
})
