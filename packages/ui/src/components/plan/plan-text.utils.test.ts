import { describe, expect, it } from 'vitest'
import { planToText } from './plan-text.utils'
import { formatRemoteSql, tokenizeSql } from './remote-sql.utils'
import { analyzedFixture } from './testing/plan-fixtures'

describe('planToText', () => {
  it('prints the plan like psql, with measures, details and timing', () => {
    const text = planToText(analyzedFixture('pg18', 'filter-now-local').plan)
    const lines = text.split('\n')
    expect(lines[0]).toMatch(
      /^Foreign Scan on raw_shop\.orders {2}\(cost=100\.00\.\.\d+\.\d\d rows=3 width=\d+\) \(actual time=[\d.]+\.\.[\d.]+ rows=1602 loops=1\)$/,
    )
    expect(lines).toContain("  Filter: (orders.ordered_at > (now() - '1 year'::interval))")
    expect(lines).toContain('  Rows Removed by Filter: 23398')
    expect(
      lines.some((line) =>
        line.startsWith("  Remote SQL: SELECT id, amount, ordered_at FROM public.orders WHERE ((status = 'paid'))"),
      ),
    ).toBe(true)
    expect(lines.at(-1)).toMatch(/^Execution Time: [\d.]+ ms$/)
  })

  it('indents children under an arrow and their details further', () => {
    const lines = planToText(analyzedFixture('pg18', 'cross-source', '.json').plan).split('\n')
    expect(lines[0]).toMatch(/^Limit {2}\(cost=/)
    const sort = lines.findIndex((line) => line.startsWith('  ->  Sort'))
    expect(sort).toBeGreaterThan(0)
    expect(lines[sort + 1]).toMatch(/^ {8}Output: /)
    expect(lines.some((line) => line.startsWith('        ->  HashAggregate'))).toBe(true)
    expect(lines.some((line) => line.includes('actual'))).toBe(false)
  })
})

describe('remote SQL', () => {
  it('tokenizes SQL losslessly into highlightable kinds', () => {
    const sql = `SELECT "Id", name FROM public.t WHERE ((x = 'it''s')) AND y >= $1 -- note`
    const tokens = tokenizeSql(sql)
    expect(tokens.map((token) => token.text).join('')).toBe(sql)
    const kinds = (kind: string) => tokens.filter((token) => token.kind === kind).map((token) => token.text)
    expect(kinds('keyword')).toEqual(['SELECT', 'FROM', 'WHERE', 'AND'])
    expect(kinds('string')).toEqual(["'it''s'"])
    expect(kinds('quoted')).toEqual(['"Id"'])
    expect(kinds('param')).toEqual(['$1'])
    expect(kinds('comment')).toEqual(['-- note'])
    expect(kinds('operator')).toEqual(['=', '>='])
  })

  it('formats the remote SQL of each dialect and keeps text it cannot read', () => {
    expect(formatRemoteSql("SELECT id, amount FROM public.orders WHERE ((status = 'paid'))", 'postgres_fdw')).toBe(
      "SELECT\n  id,\n  amount\nFROM\n  public.orders\nWHERE\n  ((status = 'paid'))",
    )
    expect(formatRemoteSql('SELECT `id` FROM `shop`.`orders` WHERE ((`amount` > 990))', 'mysql_fdw')).toContain(
      '`shop`.`orders`',
    )
    expect(formatRemoteSql('SELECT ((( FROM', 'postgres_fdw')).toBe('SELECT ((( FROM')
  })
})
