import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testHubUrl } from '../../test/hub-url.js'
import type { FilterInput } from '../query/index.js'
import { arrowRows, digestRows } from './testing/row-checksum.js'
import { Workbench } from './workbench.js'

/**
 * The demo hub (embedded PostgreSQL 18 unless IDW_TEST_HUB_URL says otherwise): `flights.flights` through
 * postgres_fdw (loopback to database `demo_remote`) and `files.airports` through file_fdw. Nothing is created.
 */
const FLIGHTS = { schema: 'flights', name: 'flights' }
const COLUMNS = ['date', 'delay', 'distance', 'origin', 'destination']
/** One day of flights (17 005 rows), so each case compares a few thousand rows. */
const DAY = { date: { ge: '2001-03-01', lt: '2001-03-02' } }
const DAY_SQL = "date >= '2001-03-01' AND date < '2001-03-02'"

let hub: pg.Pool
let source: pg.Pool
let workbench: Workbench

beforeAll(() => {
  hub = new pg.Pool({ connectionString: testHubUrl(), max: 4 })
  const sourceUrl = new URL(testHubUrl())
  sourceUrl.pathname = '/demo_remote'
  source = new pg.Pool({ connectionString: sourceUrl.toString(), max: 2 })
  workbench = new Workbench(hub)
})

afterAll(async () => {
  await hub.end()
  await source.end()
})

/** Each case: the filter, what the Remote SQL must contain, and the same filter written for the source. */
const CASES: [string, FilterInput, string[], string][] = [
  ['eq', { origin: { eq: 'ORD' } }, ["(origin = 'ORD')"], "origin = 'ORD'"],
  ['eq shorthand', { origin: 'ORD' }, ["(origin = 'ORD')"], "origin = 'ORD'"],
  ['ne', { origin: { ne: 'ORD' } }, ["(origin <> 'ORD')"], "origin <> 'ORD'"],
  ['gt', { delay: { gt: 15 } }, ['(delay > 15::bigint)'], 'delay > 15'],
  ['ge', { delay: { ge: 15 } }, ['(delay >= 15::bigint)'], 'delay >= 15'],
  ['lt', { delay: { lt: 0 } }, ['(delay < 0::bigint)'], 'delay < 0'],
  ['le', { delay: { le: 0 } }, ['(delay <= 0::bigint)'], 'delay <= 0'],
  [
    'between',
    { distance: { between: [100, 300] } },
    ['(distance >= 100::bigint)', '(distance <= 300::bigint)'],
    'distance BETWEEN 100 AND 300',
  ],
  ['in', { origin: { in: ['SEA', 'PDX'] } }, ["(origin = ANY ('{SEA,PDX}'::text[]))"], "origin IN ('SEA', 'PDX')"],
  [
    'not_in',
    { origin: { not_in: ['ORD', 'DFW'] } },
    ["(origin <> ALL ('{ORD,DFW}'::text[]))"],
    "origin NOT IN ('ORD', 'DFW')",
  ],
  ['is_null', { delay: { is_null: true } }, ['(delay IS NULL)'], 'delay IS NULL'],
  ['is_not_null', { destination: { is_not_null: true } }, ['(destination IS NOT NULL)'], 'destination IS NOT NULL'],
  ['like', { origin: { like: 'S%' } }, ["(origin ~~ 'S%')"], "origin LIKE 'S%'"],
  ['ilike', { origin: { ilike: 's%a' } }, ["(origin ~~* 's%a')"], "origin ILIKE 's%a'"],
  ['$eq', { origin: { $eq: 'ORD' } }, ["(origin = 'ORD')"], "origin = 'ORD'"],
  ['$ne', { origin: { $ne: 'ORD' } }, ["(origin <> 'ORD')"], "origin <> 'ORD'"],
  ['$gt', { delay: { $gt: 15 } }, ['(delay > 15::bigint)'], 'delay > 15'],
  ['$gte', { delay: { $gte: 15 } }, ['(delay >= 15::bigint)'], 'delay >= 15'],
  ['$lt', { delay: { $lt: 0 } }, ['(delay < 0::bigint)'], 'delay < 0'],
  ['$lte', { delay: { $lte: 0 } }, ['(delay <= 0::bigint)'], 'delay <= 0'],
  ['$in', { origin: { $in: ['SEA', 'PDX'] } }, ["(origin = ANY ('{SEA,PDX}'::text[]))"], "origin IN ('SEA', 'PDX')"],
  ['$nin', { origin: { $nin: ['ORD'] } }, ["(origin <> ALL ('{ORD}'::text[]))"], "origin <> 'ORD'"],
  ['$regex', { origin: { $regex: '^S[AE]' } }, ["(origin ~ '^S[AE]')"], "origin ~ '^S[AE]'"],
  [
    '$regex $options i',
    { origin: { $regex: '^s[ae]', $options: 'i' } },
    ["(origin ~* '^s[ae]')"],
    "origin ~* '^s[ae]'",
  ],
  ['$exists true', { delay: { $exists: true } }, ['(delay IS NOT NULL)'], 'delay IS NOT NULL'],
  ['$exists false', { delay: { $exists: false } }, ['(delay IS NULL)'], 'delay IS NULL'],
  ['column $not', { delay: { $not: { $gt: 15 } } }, ['(delay <= 15::bigint)'], 'NOT (delay > 15)'],
  ['$not', { $not: { origin: 'ORD' } }, ["(origin <> 'ORD')"], "NOT (origin = 'ORD')"],
  [
    '$or',
    { $or: [{ origin: 'SEA' }, { delay: { gt: 60 } }] },
    ["((origin = 'SEA') OR (delay > 60::bigint))"],
    "(origin = 'SEA' OR delay > 60)",
  ],
  [
    '$and',
    { $and: [{ origin: 'ORD' }, { distance: { lt: 500 } }] },
    ["(origin = 'ORD')", '(distance < 500::bigint)'],
    "origin = 'ORD' AND distance < 500",
  ],
  [
    'timestamp gt',
    { date: { gt: '2001-03-01 18:30' } },
    ["(date > '2001-03-01 18:30:00')"],
    "date > '2001-03-01 18:30'",
  ],
]

describe('filters on flights.flights (postgres_fdw)', () => {
  it.each(CASES)(
    'sends %s to the source, and the hub answers what the source answers',
    async (_name, filter, remote, sourceWhere) => {
      const select = { filters: { $and: [DAY, filter] }, columns: COLUMNS }
      const explained = await workbench.explain({ table: FLIGHTS, select })
      const [scan] = explained.foreignScans
      expect([explained.foreignScans.length, scan?.server, scan?.fdw]).toEqual([1, 'flights', 'postgres_fdw'])
      for (const fragment of remote) expect(scan?.remoteSql).toContain(fragment)
      const filters = scan!.clauses.filter((clause) => clause.kind === 'filter')
      expect(filters.length).toBeGreaterThanOrEqual(remote.length)
      expect(filters.every((clause) => clause.pushed)).toBe(true)

      const hubResult = await workbench.lazyLoadTable(FLIGHTS, { filters: select.filters, columns: COLUMNS })
      const fromHub = digestRows(arrowRows(hubResult, COLUMNS))
      const { rows } = await source.query<{ row: (string | null)[] }>({
        text: `SELECT ARRAY[(extract(epoch FROM date) * 1000000)::int8::text, delay::text, distance::text, origin, destination] AS row
               FROM public.flights WHERE ${DAY_SQL} AND (${sourceWhere})`,
      })
      const fromSource = digestRows(rows.map((r) => r.row))
      expect(fromHub).toEqual(fromSource)
      if (!sourceWhere.endsWith('IS NULL')) expect(fromHub.rows).toBeGreaterThan(0)
    },
  )

  it('sends order_by, limit and offset to the source with the filter', async () => {
    const select = { filters: DAY, columns: ['origin', 'delay'], order_by: ['-delay', 'origin'], limit: 10, offset: 5 }
    const [scan] = (await workbench.explain({ table: FLIGHTS, select })).foreignScans
    expect(scan?.remoteSql).toContain(
      'ORDER BY delay DESC NULLS FIRST, origin ASC NULLS LAST LIMIT 10::bigint OFFSET 5::bigint',
    )
    expect(scan?.clauses.map((c) => [c.kind, c.pushed])).toEqual([
      ['filter', true],
      ['filter', true],
      ['sort', true],
      ['limit', true],
    ])
    const table = await workbench.lazyLoadTable(FLIGHTS, {
      filters: DAY,
      columns: ['origin', 'delay'],
      orderBy: ['-delay', 'origin'],
      limit: 10,
      offset: 5,
    })
    const { rows } = await source.query<{ origin: string; delay: string }>(
      `SELECT origin, delay FROM public.flights WHERE ${DAY_SQL} ORDER BY delay DESC, origin LIMIT 10 OFFSET 5`,
    )
    expect([...table.getChild('delay')!].map(String)).toEqual(rows.map((r) => r.delay))
    expect([...table.getChild('origin')!]).toEqual(rows.map((r) => r.origin))
  })
})

describe('clauses the hub runs, and pasted plans', () => {
  const NOW_SQL = "SELECT * FROM flights.flights WHERE date > now() - interval '30 years'"

  it("marks date > now() - interval '30 years' local, with the now() reason and advice", async () => {
    const explained = await workbench.explain({ sql: NOW_SQL })
    const [scan] = explained.foreignScans
    expect(scan?.remoteSql).toBe('SELECT date, delay, distance, origin, destination FROM public.flights')
    expect(scan?.clauses).toEqual([
      expect.objectContaining({ kind: 'filter', pushed: false, text: "flights.date > (now() - '30 years'::interval)" }),
    ])
    expect(scan?.clauses[0]?.reason).toMatch(/now\(\) is not IMMUTABLE/)
    expect(scan?.clauses[0]?.advice).toMatch(/bind it as a literal or parameter/)
    expect(explained.plan.root.filter).toContain('now()')
  })

  it('keeps every file_fdw filter in the hub, and optimizeQuery says the filter is not pushed', async () => {
    const query = await workbench.buildSelectQuery('files.airports', { filters: { state: 'WA' }, columns: ['iata'] })
    const optimized = await workbench.optimizeQuery(query)
    expect(optimized.pushDownEligible).toBe(false)
    expect(optimized.foreignScans[0]).toMatchObject({ server: 'files', fdw: 'file_fdw' })
    expect(optimized.foreignScans[0]?.clauses[0]).toMatchObject({ kind: 'filter', pushed: false })
    const pushed = await workbench.optimizeQuery(await workbench.buildSelectQuery('flights.flights', { filters: DAY }))
    expect(pushed).toMatchObject({ pushDownEligible: true, params: ['2001-03-01', '2001-03-02'] })
    expect(pushed.estimatedRows).toBeGreaterThan(0)
    expect(pushed.costEstimate).toBeGreaterThan(0)
  })

  it('gives the same verdicts for the plan pasted from psql as for the JSON', async (context) => {
    const psql = await promisify(execFile)('psql', [
      testHubUrl(),
      '-X',
      '-c',
      `EXPLAIN (VERBOSE, COSTS, SETTINGS) ${NOW_SQL}`,
    ]).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err
      return null
    })
    if (psql === null) {
      process.stderr.write('[skip] pushdown-postgres.int.test.ts (pasted psql plan): no psql binary on this machine\n')
      return context.skip('no psql binary on this machine')
    }
    expect(psql.stdout).toMatch(/QUERY PLAN *\n-+\n/)
    const fromText = await workbench.analyzePlanText(psql.stdout)
    const fromJson = await workbench.explain({ sql: NOW_SQL })
    expect(fromText.plan.source).toBe('text')
    const verdicts = (scans: typeof fromJson.foreignScans) =>
      scans.map((s) => [s.server, s.fdw, s.remoteSql, s.clauses])
    expect(verdicts(fromText.foreignScans)).toEqual(verdicts(fromJson.foreignScans))
  })
})
