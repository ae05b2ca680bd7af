import { describe, expect, it } from 'vitest'
import { encodeParameters } from '../exec/index.js'
import { inlineParameters } from './inline-sql.js'

const inline = (sql: string, values: unknown[], types: string[]) =>
  inlineParameters(sql, encodeParameters(values), types)

describe('inlineParameters', () => {
  it('writes integers bare and other values quoted and cast to the type the hub inferred', () => {
    const sql = 'SELECT "a" FROM "s"."t" WHERE "d" > $1 AND "n" = $2 AND "x" = $3 LIMIT $4'
    expect(inline(sql, ['2024-01-01', 15, 1.5, 100], ['date', 'integer', 'numeric', 'bigint'])).toBe(
      `SELECT "a" FROM "s"."t" WHERE "d" > '2024-01-01'::date AND "n" = 15 AND "x" = '1.5'::numeric LIMIT 100`,
    )
  })

  it('doubles quotes, keeps a cast already written, and writes null and bytes', () => {
    const sql = 'SELECT 1 WHERE "o" = ANY($1::text[]) AND "t" = $2 AND "b" = $3 AND "z" IS NOT DISTINCT FROM $4'
    expect(
      inline(sql, [["O'Hare", 'a"b'], "it's", Uint8Array.of(0, 255), null], ['text[]', 'text', 'bytea', 'integer']),
    ).toBe(
      `SELECT 1 WHERE "o" = ANY('{"O''Hare","a\\"b"}'::text[]) AND "t" = 'it''s'::text AND "b" = '\\x00ff'::bytea AND "z" IS NOT DISTINCT FROM NULL::integer`,
    )
  })

  it('leaves $n inside quoted identifiers and strings, and placeholders beyond the values', () => {
    const sql = `SELECT "price$1", 'cost $1' FROM t WHERE a = $1 AND b = $2`
    expect(inline(sql, ['x'], [])).toBe(`SELECT "price$1", 'cost $1' FROM t WHERE a = 'x' AND b = $2`)
  })

  it('tells $1 from $10', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1)
    expect(inline('SELECT $1, $10', values, Array(10).fill('integer'))).toBe('SELECT 1, 10')
  })
})
