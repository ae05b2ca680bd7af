import { Int32, Table, Utf8, vectorFromArray } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { selectionTsv } from './grid-copy.utils'
import { formatTsv, tsvField } from './tsv.utils'

describe('tsvField', () => {
  it('leaves plain text alone and writes NULL as nothing', () => {
    expect(tsvField('San Francisco')).toBe('San Francisco')
    expect(tsvField(null)).toBe('')
    expect(tsvField('')).toBe('')
  })

  it('quotes tabs, line breaks and quotes the way spreadsheets paste them', () => {
    expect(tsvField('a\tb')).toBe('"a\tb"')
    expect(tsvField('line 1\nline 2')).toBe('"line 1\nline 2"')
    expect(tsvField('say "hi"')).toBe('"say ""hi"""')
  })
})

describe('formatTsv', () => {
  it('joins cells with tabs and rows with newlines, header first', () => {
    expect(
      formatTsv(
        [
          ['CA', '5'],
          ['TX', null],
        ],
        ['state', 'flights'],
      ),
    ).toBe('state\tflights\nCA\t5\nTX\t')
    expect(formatTsv([['x']])).toBe('x')
  })
})

describe('selectionTsv', () => {
  const table = new Table({
    state: vectorFromArray(['CA', 'TX', null, 'NY'], new Utf8()),
    flights: vectorFromArray([5, 4, 3, 2], new Int32()),
  })
  const rows = { batches: [...table.slice(0, 2).batches, ...table.slice(2).batches], rowStarts: [0, 2], rowCount: 4 }
  const columns = [
    { index: 1, name: 'flights' },
    { index: 0, name: 'state' },
  ]

  it('copies a cell range in display order and column order', () => {
    const copied = selectionTsv(rows, null, { top: 1, bottom: 2, left: 0, right: 1 }, columns, false)
    expect(copied).toEqual({ text: '4\tTX\n3\t', rows: 2, columns: 2, cut: false })
  })

  it('copies whole rows with a header line, through the local view index', () => {
    const copied = selectionTsv(rows, Uint32Array.of(3, 0), { top: 0, bottom: 1, left: 0, right: 1 }, columns, true)
    expect(copied.text).toBe('flights\tstate\n2\tNY\n5\tCA')
  })
})
