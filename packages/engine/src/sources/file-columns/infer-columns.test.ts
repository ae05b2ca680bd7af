import { describe, expect, it } from 'vitest'
import { inferColumns, inferType } from './infer-columns.js'
import { readRows, rowFormat } from './read-rows.js'

describe('readRows', () => {
  it('reads a semicolon CSV with quotes, doubled quotes, a quoted newline and the NULL marker', () => {
    const f = rowFormat({ format: 'csv', delimiter: ';', null: 'NA' })
    const text = 'id;name;note\r\n1;"Smith; John";"said ""hi""\nthen left"\n2;NA;""\n'
    expect(readRows(text, f, true)).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Smith; John', 'said "hi"\nthen left'],
      ['2', null, ''],
    ])
  })

  it('reads an unquoted empty CSV field as NULL by default, a quoted one as empty text', () => {
    expect(readRows('a,b\n,""\n', rowFormat({ format: 'csv' }), true)).toEqual([
      ['a', 'b'],
      [null, ''],
    ])
  })

  it('honours a backslash escape character inside quotes', () => {
    expect(readRows('"a \\"b\\"",c\n', rowFormat({ format: 'csv', escape: '\\' }), true)).toEqual([['a "b"', 'c']])
  })

  it('reads COPY text with backslash escapes and \\N', () => {
    expect(readRows('a\tb\\tc\n\\N\tx\\\\y\n', rowFormat({ format: 'text' }), true)).toEqual([
      ['a', 'b\tc'],
      [null, 'x\\y'],
    ])
  })

  it('drops the last, possibly cut, row of an incomplete sample and a byte order mark', () => {
    expect(readRows('\ufeffa,b\n1,2\n3,', rowFormat({ format: 'csv' }), false)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })
})

describe('inferType', () => {
  it.each([
    [['1', '-2', '+3'], 'integer'],
    [['1', '3000000000'], 'bigint'],
    [['1', '2.5', '1e3', '.5'], 'double precision'],
    [['007', '12'], 'text'],
    [['true', 'F', 't'], 'boolean'],
    [['2024-01-31', '1999-12-01'], 'date'],
    [['2024-02-30T10:00', '2024-01-01 00:00:00.123'], 'timestamp'],
    [['2024-01-01 10:00:00+02', '2024-01-01T10:00:00Z'], 'timestamp with time zone'],
    [['2024-13-01'], 'text'],
    [['99999999999999999999'], 'double precision'],
    [[null, ' 4 ', ''], 'integer'],
    [[null, null], 'text'],
  ] as Array<[Array<string | null>, string]>)('infers %j as %s', (values, type) => {
    expect(inferType(values)).toBe(type)
  })
})

describe('inferColumns', () => {
  it('names columns from the header as unique lower-case SQL names', () => {
    const rows = [
      ['Release Date', 'IMDB Rating', 'Title', 'title', '2nd'],
      ['2001-05-01', '7.5', 'Shrek', 'x', '1'],
    ]
    expect(inferColumns(rows, true)).toEqual({
      header: true,
      columns: [
        { name: 'release_date', type: 'date', header: 'Release Date' },
        { name: 'imdb_rating', type: 'double precision', header: 'IMDB Rating' },
        { name: 'title', type: 'text', header: 'Title' },
        { name: 'title_2', type: 'text', header: 'title' },
        { name: '_2nd', type: 'integer', header: '2nd' },
      ],
    })
  })

  it('detects a header over typed columns, and its absence', () => {
    expect(
      inferColumns(
        [
          ['id', 'price'],
          ['1', '2.5'],
          ['2', '3'],
        ],
        undefined,
      ).header,
    ).toBe(true)
    const headless = inferColumns(
      [
        ['1', '2.5'],
        ['2', '3'],
      ],
      undefined,
    )
    expect(headless).toEqual({
      header: false,
      columns: [
        { name: 'column_1', type: 'integer', header: null },
        { name: 'column_2', type: 'double precision', header: null },
      ],
    })
  })

  it('refuses an empty file', () => {
    expect(() => inferColumns([], undefined)).toThrow(/the file is empty/)
  })
})
