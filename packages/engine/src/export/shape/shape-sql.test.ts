import { describe, expect, it } from 'vitest'
import { normalizeCastType } from './cast-type.js'
import { hasShape, shapeSql } from './shape-sql.js'

describe('shapeSql', () => {
  it('renames and casts by position, quoting every name', () => {
    const sql = shapeSql('SELECT * FROM t', ['a', 'b', 'c'], { rename: { a: 'x', c: 'we"ird' }, cast: { b: 'FLOAT8' } })
    expect(sql).toBe(
      'SELECT q."c1" AS "x", CAST(q."c2" AS float8) AS "b", q."c3" AS "we""ird" FROM (SELECT * FROM t\n) AS q("c1","c2","c3")',
    )
  })

  it('keeps columns it does not touch, duplicate result names included', () => {
    expect(shapeSql('SELECT 1 AS n, 2 AS n, 3 AS m', ['n', 'n', 'm'], { rename: {}, cast: { m: 'int8' } })).toBe(
      'SELECT q."c1" AS "n", q."c2" AS "n", CAST(q."c3" AS int8) AS "m" FROM (SELECT 1 AS n, 2 AS n, 3 AS m\n) AS q("c1","c2","c3")',
    )
  })

  it('refuses unknown and ambiguous columns, long names and clashing names with BAD_INPUT', () => {
    const shape = (rename: Record<string, string>, cast: Record<string, string> = {}) => ({ rename, cast })
    expect(() => shapeSql('S', ['a'], shape({ b: 'x' }))).toThrow(/cannot rename "b": it is not a column/)
    expect(() => shapeSql('S', ['a', 'a'], shape({}, { a: 'int8' }))).toThrow(/names several columns/)
    expect(() => shapeSql('S', ['a'], shape({ a: 'x'.repeat(64) }))).toThrow(/longer than 63 bytes/)
    expect(() => shapeSql('S', ['a', 'b'], shape({ a: 'b' }))).toThrow(/two columns would be named "b"/)
    expect(() => shapeSql('S', ['a'], shape({}, { a: 'int8; DROP TABLE t' }))).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    )
  })

  it('knows when there is nothing to shape', () => {
    expect(hasShape({ rename: {}, cast: {} })).toBe(false)
    expect(hasShape({ rename: { a: 'b' }, cast: {} })).toBe(true)
  })
})

describe('normalizeCastType', () => {
  it.each([
    ['float8', 'float8'],
    ['  NUMERIC( 12 , 2 ) ', 'numeric(12,2)'],
    ['varchar(20)[]', 'varchar(20)[]'],
    ['timestamptz(3)', 'timestamptz(3)'],
    ['Double   Precision', 'double precision'],
    ['timestamp(3) with time zone', 'timestamp(3) with time zone'],
    ['time without time zone[]', 'time without time zone[]'],
    ['character varying(10)', 'character varying(10)'],
  ])('accepts %j as %j', (type, normalized) => {
    expect(normalizeCastType(type)).toBe(normalized)
  })

  it.each(['int8)', '"int8"', 'public.mytype', 'int8 AS x FROM pg_authid', 'text --', "text'", 'numeric(1,2,3)', ''])(
    'refuses %j',
    (type) => {
      expect(() => normalizeCastType(type)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }))
    },
  )
})
