import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../fixtures/fixture-files.js'
import type { FixtureHub } from '../fixtures/fixture-files.js'
import { parsePlan } from '../parse/parse-plan.js'
import { remoteClauses } from './remote-sql.js'

function remoteTextOf(hub: FixtureHub, scenario: string): string {
  const root = parsePlan(fixtureJson(hub, scenario)).root
  return root.remoteSql ?? root.remoteQuery ?? ''
}

describe('remoteClauses', () => {
  it('splits a WHERE clause into its pushed conjuncts', () => {
    expect(remoteClauses(remoteTextOf('pg15', 'filter-pushed'))).toEqual([
      { kind: 'filter', text: 'id < 5000' },
      { kind: 'filter', text: "country = 'FR'" },
    ])
  })

  it('reads a pushed inner join: the join condition and the filter postgres_fdw folds into ON', () => {
    expect(remoteClauses(remoteTextOf('pg15', 'join-pushed'))).toEqual([
      { kind: 'join', text: 'INNER JOIN ON r1.customer_id = r2.id' },
      { kind: 'filter', text: "r1.status = 'paid'" },
    ])
  })

  it('reads a pushed semi-join sent as EXISTS by PostgreSQL 18', () => {
    expect(remoteClauses(remoteTextOf('pg18', 'semi-join-exists'))).toEqual([
      { kind: 'filter', text: "r2.status = 'cancelled'" },
      { kind: 'join', text: 'SEMI JOIN ON r1.id = r2.customer_id' },
    ])
  })

  it('resolves positional GROUP BY to the select list and keeps the aggregates', () => {
    expect(remoteClauses(remoteTextOf('pg15', 'aggregate-pushed'))).toEqual([
      { kind: 'aggregate', text: 'count(*), avg(balance) GROUP BY country' },
    ])
  })

  it('reads ORDER BY and LIMIT, without the ::bigint cast', () => {
    expect(remoteClauses(remoteTextOf('pg15', 'order-limit-pushed'))).toEqual([
      { kind: 'sort', text: 'ORDER BY amount DESC NULLS FIRST' },
      { kind: 'limit', text: 'LIMIT 10' },
    ])
  })

  it('reads mysql_fdw Remote query with backquoted names', () => {
    expect(remoteClauses(remoteTextOf('pg15', 'mysql-filter-sort-limit'))).toEqual([
      { kind: 'filter', text: '`price` > 50' },
      { kind: 'filter', text: "`category` = 'books'" },
      { kind: 'sort', text: 'ORDER BY `price` IS NULL, `price` ASC' },
      { kind: 'limit', text: 'LIMIT 5' },
    ])
    expect(remoteClauses(remoteTextOf('pg15', 'mysql-join'))).toEqual([
      { kind: 'join', text: 'INNER JOIN ON r1.`id` = r2.`product_id`' },
      { kind: 'filter', text: "r2.`warehouse` = 'north'" },
    ])
  })

  it('marks conditions bound to a parameter of the outer side', () => {
    expect(remoteClauses('SELECT id FROM public.orders WHERE ((customer_id = $1::integer))')).toEqual([
      { kind: 'filter', text: 'customer_id = $1::integer', parameterized: true },
    ])
  })

  it('does not split inside quoted literals', () => {
    expect(remoteClauses("SELECT a FROM t WHERE ((b = 'x AND y')) AND ((c = 'ORDER BY'))")).toEqual([
      { kind: 'filter', text: "b = 'x AND y'" },
      { kind: 'filter', text: "c = 'ORDER BY'" },
    ])
  })
})
