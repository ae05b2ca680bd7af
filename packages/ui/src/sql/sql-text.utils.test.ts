import { describe, expect, it } from 'vitest'
import { locatePosition, quoteIdent, selectStarSql, separatorBefore } from './sql-text.utils'

describe('quoteIdent', () => {
  it('leaves plain lower-case names bare', () => {
    expect(quoteIdent('flights')).toBe('flights')
    expect(quoteIdent('_tmp$1')).toBe('_tmp$1')
  })

  it('quotes mixed case, spaces, leading digits and reserved words', () => {
    expect(quoteIdent('Airports')).toBe('"Airports"')
    expect(quoteIdent('my table')).toBe('"my table"')
    expect(quoteIdent('2024')).toBe('"2024"')
    expect(quoteIdent('order')).toBe('"order"')
    expect(quoteIdent('user')).toBe('"user"')
  })

  it('doubles embedded double quotes', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"')
  })
})

describe('selectStarSql', () => {
  it('selects the first 1000 rows of a schema-qualified table', () => {
    expect(selectStarSql('files', 'airports')).toBe('SELECT * FROM files.airports LIMIT 1000;')
    expect(selectStarSql('shop', 'Order Lines')).toBe('SELECT * FROM shop."Order Lines" LIMIT 1000;')
  })
})

describe('separatorBefore', () => {
  it('separates an appended statement by one blank line', () => {
    expect(separatorBefore('')).toBe('')
    expect(separatorBefore('SELECT 1;')).toBe('\n\n')
    expect(separatorBefore('SELECT 1;\n')).toBe('\n')
    expect(separatorBefore('SELECT 1;\n\n')).toBe('')
  })
})

describe('locatePosition', () => {
  it('finds line, column and line text of a 1-based position', () => {
    const sql = 'SELECT a,\n  nope\nFROM t'
    expect(locatePosition(sql, 13)).toEqual({ line: 2, column: 3, lineText: '  nope' })
    expect(locatePosition(sql, 1)).toEqual({ line: 1, column: 1, lineText: 'SELECT a,' })
  })

  it('clamps a position past the end to the last line', () => {
    expect(locatePosition('SELECT', 99)).toEqual({ line: 1, column: 7, lineText: 'SELECT' })
  })
})
