import { describe, expect, it } from 'vitest'
import { analyzePlan } from '../analyze-plan.js'
import { fixtureJson, fixtureRelations, fixtureText } from '../fixtures/fixture-files.js'
import type { FixtureHub } from '../fixtures/fixture-files.js'
import type { ForeignScanReport, PushdownClause } from '../../api/contract/plan.js'

const HUBS = ['pg15', 'pg18'] as const
const VERSION: Record<FixtureHub, number> = { pg15: 15, pg18: 18 }

function scans(hub: FixtureHub, scenario: string, suffix = '.analyze.json'): ForeignScanReport[] {
  const input = suffix.endsWith('.json')
    ? fixtureJson(hub, scenario, suffix)
    : fixtureText(`${hub}/${scenario}${suffix}`)
  return analyzePlan(input, { relations: fixtureRelations(hub), hubVersion: VERSION[hub] }).foreignScans
}

function only(reports: ForeignScanReport[]): ForeignScanReport {
  expect(reports).toHaveLength(1)
  return reports[0] as ForeignScanReport
}

const verdicts = (report: ForeignScanReport): [string, string, boolean][] =>
  report.clauses.map((c) => [c.kind, c.text, c.pushed])

function clause(report: ForeignScanReport | undefined, kind: PushdownClause['kind'], pushed: boolean): PushdownClause {
  const found = report?.clauses.find((c) => c.kind === kind && c.pushed === pushed)
  expect(found, `${kind} pushed=${pushed}`).toBeDefined()
  return found as PushdownClause
}

describe('analyzePushdown on postgres_fdw', () => {
  it.each(HUBS)('finds the filters sent in Remote SQL on %s', (hub) => {
    const report = only(scans(hub, 'filter-pushed'))
    expect(report).toMatchObject({
      server: 'remote_pg',
      fdw: 'postgres_fdw',
      relations: null,
      tables: ['raw_shop.customers'],
    })
    expect(report.remoteSql).toBe("SELECT id, name FROM public.customers WHERE ((id < 5000)) AND ((country = 'FR'))")
    expect(verdicts(report)).toEqual([
      ['filter', 'id < 5000', true],
      ['filter', "country = 'FR'", true],
    ])
  })

  it.each(HUBS)('keeps a now() filter in the hub with its reason and the literal advice on %s', (hub) => {
    const report = only(scans(hub, 'filter-now-local'))
    expect(verdicts(report)).toEqual([
      ['filter', "status = 'paid'", true],
      ['filter', "orders.ordered_at > (now() - '1 year'::interval)", false],
    ])
    const local = clause(report, 'filter', false)
    expect(local.nodeId).toBe(0)
    expect(local.reason).toContain('now() is not IMMUTABLE')
    expect(local.advice).toContain('literal or parameter')
  })

  it.each(HUBS)('reports a pushed join and the filter folded into it on %s', (hub) => {
    const report = only(scans(hub, 'join-pushed'))
    expect(report.relations).toBe('(raw_shop.orders o) INNER JOIN (raw_shop.customers c)')
    expect(report.tables).toEqual(['raw_shop.orders', 'raw_shop.customers'])
    expect(verdicts(report)).toEqual([
      ['join', 'INNER JOIN ON r1.customer_id = r2.id', true],
      ['filter', "r1.status = 'paid'", true],
    ])
  })

  it.each(HUBS)('reports a pushed aggregate on %s', (hub) => {
    const report = only(scans(hub, 'aggregate-pushed'))
    expect(report.relations).toBe('Aggregate on (raw_shop.customers)')
    expect(verdicts(report)).toEqual([['aggregate', 'count(*), avg(balance) GROUP BY country', true]])
  })

  it.each(HUBS)('sends ORDER BY and LIMIT together on %s', (hub) => {
    expect(verdicts(only(scans(hub, 'order-limit-pushed')))).toEqual([
      ['sort', 'ORDER BY amount DESC NULLS FIRST', true],
      ['limit', 'LIMIT 10', true],
    ])
  })

  it.each(HUBS)('explains a LIMIT blocked by a local filter while ORDER BY is sent, on %s', (hub) => {
    const report = only(scans(hub, 'limit-blocked'))
    expect(verdicts(report)).toEqual([
      ['sort', 'ORDER BY id ASC NULLS LAST', true],
      ['filter', "orders.ordered_at < (now() - '1 day'::interval)", false],
      ['limit', 'LIMIT 5', false],
    ])
    const limit = clause(report, 'limit', false)
    expect(limit.reason).toContain('blocked by the local filter')
    expect(limit.nodeId).toBe(0)
  })

  it.each(HUBS)('names the non-leakproof operators kept above the security_barrier view on %s', (hub) => {
    const report = only(scans(hub, 'security-barrier'))
    expect(verdicts(report)).toEqual([
      ['filter', 'id < 3000', true],
      ['filter', "country = 'FR'", true],
      ['filter', "customers_fr.balance > '100'::numeric", false],
      ['filter', "customers_fr.name ~~ 'customer 1%'::text", false],
    ])
    const [, , numeric, like] = report.clauses
    expect(numeric?.reason).toContain('numeric comparison')
    expect(like?.reason).toContain('LIKE (textlike) is not LEAKPROOF')
    expect(like?.reason).toContain('(a security_barrier view, presumably)')
    expect(like?.advice).toContain('leakproof')
  })

  it('says the view is security_barrier when told so', () => {
    const input = fixtureJson('pg15', 'security-barrier', '.analyze.json')
    const options = { relations: fixtureRelations('pg15'), securityBarrierViews: ['shop.customers_fr'] }
    const reason = analyzePlan(input, options).foreignScans[0]?.clauses[3]?.reason
    expect(reason).toContain('above the security_barrier view customers_fr and')
  })

  it('keeps a semi-join in the hub before PostgreSQL 17 and sees it pushed as EXISTS on 18', () => {
    const pg15 = scans('pg15', 'semi-join-exists')
    expect(pg15.map((r) => r.tables)).toEqual([['raw_shop.customers'], ['raw_shop.orders']])
    const join = clause(pg15[0], 'join', false)
    expect(join.text).toBe('SEMI JOIN ON c.id = o.customer_id')
    expect(join.reason).toContain('only from PostgreSQL 17 on (this hub runs PostgreSQL 15)')
    const pg18 = only(scans('pg18', 'semi-join-exists'))
    expect(pg18.relations).toBe('(raw_shop.customers c) SEMI JOIN (raw_shop.orders o)')
    expect(verdicts(pg18)).toContainEqual(['join', 'SEMI JOIN ON r1.id = r2.customer_id', true])
  })

  it('explains an IN (SELECT …) run as a join over de-duplicated keys on PostgreSQL 18', () => {
    const [, orders] = scans('pg18', 'semi-join')
    expect(clause(orders, 'filter', true).text).toBe('amount > 990::numeric')
    expect(clause(orders, 'aggregate', false)).toMatchObject({ text: 'DISTINCT orders.customer_id', nodeId: 3 })
    expect(clause(orders, 'join', false).advice).toContain('EXISTS')
  })

  it.each(HUBS)('refuses an outer join whose input needs a local filter on %s', (hub) => {
    const [orders, customers] = scans(hub, 'join-local')
    expect(clause(orders, 'filter', false).reason).toContain('now()')
    expect(clause(customers, 'join', false).reason).toContain('must apply the local filter')
  })

  it.each(HUBS)('keeps a COLLATE sort and the LIMIT above it in the hub on %s', (hub) => {
    const report = only(scans(hub, 'sort-local'))
    expect(verdicts(report)).toEqual([
      ['sort', 'ORDER BY customers.name COLLATE "C"', false],
      ['limit', 'LIMIT 3', false],
    ])
    expect(clause(report, 'sort', false).reason).toContain('collation "C"')
    expect(clause(report, 'limit', false).reason).toContain('rows sorted in the hub')
  })

  it.each(HUBS)('explains filters postgres_fdw cannot ship: user function, extension, collation on %s', (hub) => {
    const fn = clause(only(scans(hub, 'function-local')), 'filter', false)
    expect(fn.reason).toContain('cents() is not a built-in function')
    const ext = clause(only(scans(hub, 'extension-local')), 'filter', false)
    expect(ext.reason).toContain('pg_trgm')
    expect(ext.advice).toBe(
      "If pg_trgm is installed in the remote database too: ALTER SERVER remote_pg OPTIONS (ADD extensions 'pg_trgm')",
    )
    const shipped = only(scans(hub, 'extension-pushed'))
    expect(shipped.server).toBe('remote_pg_ext')
    expect(verdicts(shipped)).toEqual([
      ['filter', "public.similarity(name, 'customer 4242'::text) > 0.7::double precision", true],
    ])
    expect(clause(only(scans(hub, 'collation-filter')), 'filter', false).reason).toContain('collation')
  })

  it('advises use_remote_estimate for a local join between two scans of one server', () => {
    const customers = scans('pg15', 'cross-source').find((r) => r.tables[0] === 'raw_shop.customers')
    const join = customers?.clauses.find((c) => c.kind === 'join' && c.text === 'INNER JOIN ON c.id = o.customer_id')
    expect(join?.pushed).toBe(false)
    expect(join?.advice).toContain("ALTER SERVER remote_pg OPTIONS (ADD use_remote_estimate 'true')")
    const fileJoin = customers?.clauses.find((c) => c.text === 'INNER JOIN ON a.iata = c.home_airport')
    expect(fileJoin?.reason).toBe(
      'the other side reads server files while this scan reads remote_pg: a join is sent only within one foreign server',
    )
  })
})

describe('analyzePushdown on mysql_fdw and file_fdw', () => {
  it('reads the mysql_fdw Remote query with pushed filters, sort and limit', () => {
    const report = only(scans('pg15', 'mysql-filter-sort-limit'))
    expect(report).toMatchObject({ server: 'shop_mysql', fdw: 'mysql_fdw' })
    expect(report.remoteSql).toContain('FROM `idw_plan_cap_shop`.`products`')
    expect(report.clauses.every((c) => c.pushed)).toBe(true)
    expect(report.clauses.map((c) => c.kind)).toEqual(['filter', 'filter', 'sort', 'limit'])
  })

  it('warns that mysql_fdw sends ILIKE and ~* as collation-dependent LIKE and REGEXP', () => {
    const text = fixtureText('pg15/mysql-filter-sort-limit.txt').replace(
      "((`category` = 'books'))",
      "((`name` LIKE 'B%')) AND ((`name` REGEXP BINARY '^B'))",
    )
    const report = only(analyzePlan(text, { relations: fixtureRelations('pg15') }).foreignScans)
    const advised = report.clauses.filter((c) => c.advice !== undefined).map((c) => c.text)
    expect(advised).toEqual(["`name` LIKE 'B%'"])
    expect(report.clauses.find((c) => c.advice)?.advice).toContain('case-insensitively only when the column has a')
  })

  it('finds mysql_fdw pushed aggregates and joins, and the server of remote table names', () => {
    const aggregate = only(scans('pg15', 'mysql-aggregate'))
    expect(aggregate).toMatchObject({ server: 'shop_mysql', fdw: 'mysql_fdw', tables: ['idw_plan_cap_shop.products'] })
    expect(verdicts(aggregate)).toEqual([['aggregate', 'count(*), max(`price`) GROUP BY `category`', true]])
    expect(only(scans('pg15', 'mysql-join')).clauses.map((c) => c.kind)).toEqual(['join', 'filter'])
  })

  it('keeps a join between postgres_fdw and mysql_fdw tables in the hub', () => {
    const [mysql, pg] = scans('pg15', 'cross-server-join')
    expect(clause(mysql, 'join', false).reason).toContain('the other side reads server remote_pg')
    expect(clause(pg, 'join', false).reason).toContain('the other side reads server shop_mysql')
    expect(clause(mysql, 'aggregate', false).reason).toContain('aggregates the result of a join computed in the hub')
  })

  it.each(HUBS)('shows the file file_fdw reads and that everything runs in the hub on %s', (hub) => {
    const report = only(scans(hub, 'file-filter-sort-limit'))
    expect(report).toMatchObject({ server: 'files', fdw: 'file_fdw', remoteSql: null })
    expect(report.foreignFile).toEqual({ path: '/tmp/idw-plan-capture/airports.csv', sizeBytes: 210365 })
    expect(report.note).toContain('file_fdw reads the whole file')
    expect(verdicts(report)).toEqual([
      ['filter', "airports.state = 'CA'::text", false],
      ['sort', 'ORDER BY airports.name', false],
      ['limit', 'LIMIT 3', false],
    ])
    expect(clause(report, 'filter', false).reason).toContain('file_fdw cannot filter')
  })

  it('gives the same verdicts from the text plan as from the JSON plan', () => {
    for (const scenario of ['cross-source', 'security-barrier', 'filter-now-local', 'mysql-filter-sort-limit']) {
      expect(scans('pg15', scenario, '.analyze.txt')).toEqual(scans('pg15', scenario, '.analyze.json'))
    }
  })

  it('looks bare table names up, and leaves the server unknown when the name is ambiguous', () => {
    const text = fixtureText('pg15/cross-source.txt').replace(/raw_shop\.|raw_files\./g, '')
    const reports = analyzePlan(text, { relations: fixtureRelations('pg15') }).foreignScans
    expect(reports.map((r) => [r.tables, r.server, r.fdw])).toEqual([
      [['airports'], 'files', 'file_fdw'],
      [['customers'], null, 'postgres_fdw'],
      [['orders'], 'remote_pg', 'postgres_fdw'],
    ])
  })

  it('resolves a bare name shared by a view and its foreign table, as they name one server', () => {
    const text = fixtureText('pg15/cross-source.txt').replace(/raw_shop\.|raw_files\./g, '')
    const relations = { ...fixtureRelations('pg15'), 'files.airports': { server: 'files', fdw: 'file_fdw' } }
    const reports = analyzePlan(text, { relations }).foreignScans
    expect(reports.map((r) => [r.tables, r.server])).toEqual([
      [['airports'], 'files'],
      [['customers'], null],
      [['orders'], 'remote_pg'],
    ])
  })

  it('guesses the FDW from the plan lines when no lookup map is given', () => {
    const fdws = ['filter-pushed', 'mysql-join', 'file-aggregate'].map(
      (scenario) => analyzePlan(fixtureJson('pg15', scenario)).foreignScans[0]?.fdw,
    )
    expect(fdws).toEqual(['postgres_fdw', 'mysql_fdw', 'file_fdw'])
  })

  it('says what it cannot know for an FDW that shows nothing, and asks for VERBOSE when Remote SQL is missing', () => {
    const plan = fixtureText('pg15/filter-pushed.txt').replace(/\n\s+Remote SQL:.*\n/, '\n')
    const ogr = analyzePlan(plan, { relations: { 'raw_shop.customers': { server: 'gis', fdw: 'ogr_fdw' } } })
    expect(ogr.foreignScans[0]?.note).toContain('ogr_fdw shows nothing in EXPLAIN')
    const pg = analyzePlan(plan, { relations: fixtureRelations('pg15') })
    expect(pg.foreignScans[0]?.note).toContain('VERBOSE')
  })
})
