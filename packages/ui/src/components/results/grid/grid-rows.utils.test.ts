import { Int64, Table, Utf8, vectorFromArray } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { MAX_CELL_CHARS, clipCellText, dataRowAt, locateRow, readCellText } from './grid-rows.utils'

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

  it('finds the last row of 10 million rows in batches of 65 536', () => {
    const rowStarts = Array.from({ length: Math.ceil(10_000_000 / 65_536) }, (_, i) => i * 65_536)
    expect(locateRow(rowStarts, 10_000_000, 9_999_999)).toEqual({ batch: 152, offset: 9_999_999 - 152 * 65_536 })
    expect(locateRow(rowStarts, 10_000_000, 65_536)).toEqual({ batch: 1, offset: 0 })
  })
})

describe('dataRowAt', () => {
  it('reads through the local view index, or is the identity without one', () => {
    expect(dataRowAt(null, 7)).toBe(7)
    expect(dataRowAt(Uint32Array.of(5, 2, 9), 1)).toBe(2)
    expect(dataRowAt(Uint32Array.of(5), 3)).toBe(-1)
  })
})

describe('readCellText', () => {
  const table = new Table({
    state: vectorFromArray(['CA', null, 'TX', 'NY'], new Utf8()),
    flights: vectorFromArray([10n, 20n, 30n, 40n], new Int64()),
  })
  const rows = { batches: [...table.slice(0, 3).batches, ...table.slice(3).batches], rowStarts: [0, 3], rowCount: 4 }

  it('reads one cell through the row → (batch, offset) lookup', () => {
    expect(readCellText(rows, 0, 0)).toBe('CA')
    expect(readCellText(rows, 1, 0)).toBeNull()
    expect(readCellText(rows, 3, 0)).toBe('NY')
    expect(readCellText(rows, 3, 1)).toBe('40')
  })

  it('answers undefined for rows or columns that are not there', () => {
    expect(readCellText(rows, 4, 0)).toBeUndefined()
    expect(readCellText(rows, 0, 5)).toBeUndefined()
  })

  it('clips long texts', () => {
    expect(clipCellText('x'.repeat(MAX_CELL_CHARS + 5))).toHaveLength(MAX_CELL_CHARS + 1)
    expect(clipCellText('short')).toBe('short')
  })
})
