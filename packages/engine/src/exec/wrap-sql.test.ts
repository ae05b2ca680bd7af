import { describe, expect, it } from 'vitest'
import { planColumn, type PgColumnType } from './type-map.js'
import { wrapCopy, wrapDescribe, wrapSelect } from './wrap-sql.js'

const column = (baseOid: number, elementOid: number | null = null): PgColumnType => ({
  name: 'x',
  typeName: 't',
  baseOid,
  baseTypmod: -1,
  elementOid,
})

describe('wrapDescribe', () => {
  it('wraps the statement in a LIMIT 0 subquery, closing a trailing comment with a newline', () => {
    const sql = 'SELECT 1 -- one'
    const wrapped = wrapDescribe(sql)
    expect(wrapped.text).toBe('SELECT * FROM (SELECT 1 -- one\n) AS q LIMIT 0')
    expect(wrapped.text.slice(wrapped.prefixLength, wrapped.prefixLength + sql.length)).toBe(sql)
  })
})

describe('wrapCopy', () => {
  it('projects columns positionally and casts types without a native decoder', () => {
    const codecs = [column(23), column(1186), column(1186, 1186), column(25, 25)].map(planColumn)
    const wrapped = wrapCopy('SELECT a, b, c, d FROM t', codecs, 101)
    expect(wrapped.text).toBe(
      'COPY (SELECT q."c1", q."c2"::text, q."c3"::text[], q."c4" FROM (SELECT a, b, c, d FROM t\n) AS q("c1","c2","c3","c4") LIMIT 101) TO STDOUT (FORMAT binary)',
    )
    expect(wrapped.text.slice(wrapped.prefixLength).startsWith('SELECT a, b')).toBe(true)
  })

  it('handles a result without columns and without a row limit', () => {
    expect(wrapCopy('SELECT FROM t', [], null).text).toBe(
      'COPY (SELECT  FROM (SELECT FROM t\n) AS q) TO STDOUT (FORMAT binary)',
    )
  })
})

describe('wrapSelect', () => {
  it('is the projection COPY wraps, with the user SQL at prefixLength', () => {
    const codecs = [column(23), column(1186)].map(planColumn)
    const sql = 'SELECT a, b FROM t WHERE a > $1'
    const wrapped = wrapSelect(sql, codecs, null)
    expect(wrapped.text).toBe(`SELECT q."c1", q."c2"::text FROM (${sql}\n) AS q("c1","c2")`)
    expect(wrapped.text.slice(wrapped.prefixLength, wrapped.prefixLength + sql.length)).toBe(sql)
    expect(wrapCopy(sql, codecs, null).text).toBe(`COPY (${wrapped.text}) TO STDOUT (FORMAT binary)`)
  })
})
