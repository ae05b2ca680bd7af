import pg from 'pg'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type Hub } from '../hub/index.js'
import type { FilterInput } from '../query/index.js'
import { applySources, parseSourcesConfig } from '../sources/index.js'
import { createItemsDatabase, mariadb } from './testing/mariadb-source.js'
import { arrowRows, digestRows } from './testing/row-checksum.js'
import { Workbench } from './workbench.js'

/**
 * The machine's PostgreSQL 15 as hub (a database of its own) with mysql_fdw to MariaDB (a database of its own,
 * table `items`), applied as a source `shop` from a config URI like a user's.
 */
const PG15_URL = process.env.IDW_TEST_PG15_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const SUFFIX = `${process.pid}_${Date.now()}`
const HUB_DB = `idw_wb_hub_${SUFFIX}`
const MARIADB_DB = `idw_wb_shop_${SUFFIX}`
const ITEMS = { schema: 'shop', name: 'items' }
const COLUMNS = ['id', 'name', 'city', 'qty', 'created']
const logger = pino({ level: 'silent' })

/** Why the suite cannot run here (no PostgreSQL 15, no mysql_fdw, no MariaDB or mysql client), or null. */
async function missingService(): Promise<string | null> {
  const admin = new pg.Client({ connectionString: PG15_URL, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
    const { rows } = await admin.query("SELECT 1 FROM pg_available_extensions WHERE name = 'mysql_fdw'")
    if (rows.length === 0) return `mysql_fdw is not installed in the PostgreSQL at ${new URL(PG15_URL).host}`
  } catch (err) {
    return `no PostgreSQL at ${new URL(PG15_URL).host} (${(err as Error).message}); set IDW_TEST_PG15_URL`
  } finally {
    await admin.end().catch(() => undefined)
  }
  return mariadb('SELECT 1').then(
    () => null,
    (err: Error) => `no MariaDB at 127.0.0.1:3306 or no mysql client (${err.message.split('\n')[0]})`,
  )
}

const missing = await missingService()
if (missing !== null) process.stderr.write(`[skip] pushdown-mysql.int.test.ts: ${missing}\n`)

describe.skipIf(missing !== null)('filters on a MariaDB table through mysql_fdw (PostgreSQL 15 hub)', () => {
  let admin: pg.Pool
  let hub: Hub
  let workbench: Workbench

  beforeAll(async () => {
    admin = new pg.Pool({ connectionString: PG15_URL, max: 1 })
    await admin.query(`CREATE DATABASE ${HUB_DB}`)
    await createItemsDatabase(MARIADB_DB)
    const hubUrl = new URL(PG15_URL)
    hubUrl.pathname = `/${HUB_DB}`
    hub = await startHub({ url: hubUrl.toString(), logger })
    const config = parseSourcesConfig(`sources:\n  shop: mysql://root@127.0.0.1:3306/${MARIADB_DB}\n`, 'sources.yaml')
    const [applied] = await applySources(hub.pool, config, { logger })
    if (applied?.error) throw applied.error
    workbench = new Workbench(hub.pool)
  })

  afterAll(async () => {
    await hub?.stop()
    await admin?.query(`DROP DATABASE IF EXISTS ${HUB_DB} WITH (FORCE)`)
    await admin?.end()
    await mariadb(`DROP DATABASE IF EXISTS ${MARIADB_DB}`)
  })

  /** Each case: the filter, what the Remote query must contain, and the same filter written for MariaDB. */
  const CASES: [string, FilterInput, string[], string][] = [
    ['eq', { qty: { eq: 5 } }, ['(`qty` = 5)'], 'qty = 5'],
    ['eq on text', { city: 'Seattle' }, ["(`city` = 'Seattle')"], "city = 'Seattle'"],
    ['ne', { qty: { ne: 5 } }, ['(`qty` <> 5)'], 'qty <> 5'],
    ['gt', { qty: { gt: 40 } }, ['(`qty` > 40)'], 'qty > 40'],
    ['ge on decimal', { amount: { ge: 12.5 } }, ['(`amount` >= 12.5)'], 'amount >= 12.5'],
    ['lt on double', { score: { lt: 10 } }, ['(`score` < 10)'], 'score < 10'],
    ['le', { qty: { le: 5 } }, ['(`qty` <= 5)'], 'qty <= 5'],
    ['between', { qty: { between: [1, 5] } }, ['(`qty` >= 1)', '(`qty` <= 5)'], 'qty BETWEEN 1 AND 5'],
    [
      'in',
      { city: { in: ['Seattle', 'Boston'] } },
      ["`city`  IN ('Seattle', 'Boston')"],
      "city IN ('Seattle', 'Boston')",
    ],
    ['not_in', { city: { not_in: ['Seattle'] } }, ["`city`  NOT  IN ('Seattle')"], "city NOT IN ('Seattle')"],
    ['is_null', { name: { is_null: true } }, ['(`name` IS NULL)'], 'name IS NULL'],
    ['is_not_null', { qty: { is_not_null: true } }, ['(`qty` IS NOT NULL)'], 'qty IS NOT NULL'],
    ['like', { name: { like: 'alpha-1%' } }, ["(`name` LIKE BINARY 'alpha-1%')"], "name LIKE BINARY 'alpha-1%'"],
    ['ilike', { name: { ilike: 'ALPHA-1%' } }, ["(`name` LIKE 'ALPHA-1%')"], "LOWER(name) LIKE LOWER('ALPHA-1%')"],
    ['$eq', { qty: { $eq: 5 } }, ['(`qty` = 5)'], 'qty = 5'],
    ['$ne', { qty: { $ne: 5 } }, ['(`qty` <> 5)'], 'qty <> 5'],
    ['$gt', { qty: { $gt: 40 } }, ['(`qty` > 40)'], 'qty > 40'],
    ['$gte', { qty: { $gte: 40 } }, ['(`qty` >= 40)'], 'qty >= 40'],
    ['$lt', { qty: { $lt: 3 } }, ['(`qty` < 3)'], 'qty < 3'],
    ['$lte', { qty: { $lte: 3 } }, ['(`qty` <= 3)'], 'qty <= 3'],
    ['$in', { qty: { $in: [1, 2, 3] } }, ['`qty`  IN (1,2,3)'], 'qty IN (1, 2, 3)'],
    ['$nin', { qty: { $nin: [1, 2, 3] } }, ['`qty`  NOT  IN (1,2,3)'], 'qty NOT IN (1, 2, 3)'],
    ['$regex', { name: { $regex: '^[ab]' } }, ["(`name` REGEXP BINARY '^[ab]')"], "name REGEXP BINARY '^[ab]'"],
    [
      '$regex $options i',
      { name: { $regex: '^[AB]', $options: 'i' } },
      ["(`name` REGEXP '^[AB]')"],
      "LOWER(name) REGEXP '^[ab]'",
    ],
    ['$exists true', { name: { $exists: true } }, ['(`name` IS NOT NULL)'], 'name IS NOT NULL'],
    ['$exists false', { qty: { $exists: false } }, ['(`qty` IS NULL)'], 'qty IS NULL'],
    ['column $not', { qty: { $not: { $gt: 5 } } }, ['(`qty` <= 5)'], 'NOT (qty > 5)'],
    ['$not', { $not: { city: 'Seattle' } }, ["(`city` <> 'Seattle')"], "NOT (city = 'Seattle')"],
    [
      '$or',
      { $or: [{ city: 'Seattle' }, { qty: { gt: 40 } }] },
      ["((`city` = 'Seattle') OR (`qty` > 40))"],
      "(city = 'Seattle' OR qty > 40)",
    ],
    [
      '$and',
      { $and: [{ city: 'Boston' }, { qty: { lt: 10 } }] },
      ["(`city` = 'Boston')", '(`qty` < 10)'],
      "city = 'Boston' AND qty < 10",
    ],
    ['date gt', { created: { gt: '2021-06-01' } }, ["(`created` > '2021-06-01')"], "created > '2021-06-01'"],
    [
      'datetime lt',
      { updated: { lt: '2020-03-01 12:00' } },
      ["(`updated` < '2020-03-01 12:00:00')"],
      "updated < '2020-03-01 12:00:00'",
    ],
  ]

  it.each(CASES)(
    'sends %s to MariaDB, and the hub answers what MariaDB answers',
    async (_name, filters, remote, sourceWhere) => {
      const explained = await workbench.explain({ table: ITEMS, select: { filters, columns: COLUMNS } })
      const [scan] = explained.foreignScans
      expect([explained.foreignScans.length, scan?.server, scan?.fdw]).toEqual([1, 'shop', 'mysql_fdw'])
      for (const fragment of remote) expect(scan?.remoteSql).toContain(fragment)
      const clauses = scan!.clauses.filter((clause) => clause.kind === 'filter')
      expect(clauses.length).toBeGreaterThanOrEqual(1)
      expect(clauses.every((clause) => clause.pushed)).toBe(true)

      const table = await workbench.lazyLoadTable(ITEMS, { filters, columns: COLUMNS })
      const fromHub = digestRows(arrowRows(table, COLUMNS))
      const fromSource = digestRows(
        await mariadb(`SELECT ${COLUMNS.join(', ')} FROM items WHERE ${sourceWhere}`, MARIADB_DB),
      )
      expect(fromHub).toEqual(fromSource)
      expect(fromHub.rows).toBeGreaterThan(0)
    },
  )

  it('sends order_by and limit to MariaDB, and gives its rows in its order', async () => {
    const select = { filters: { qty: { gt: 5 } }, columns: ['id', 'qty'], order_by: ['-qty', 'id'], limit: 10 }
    const [scan] = (await workbench.explain({ table: ITEMS, select })).foreignScans
    expect(scan?.remoteSql).toContain('ORDER BY `qty` IS NOT NULL, `qty` DESC, `id` IS NULL, `id` ASC LIMIT 10')
    expect(scan?.clauses.map((c) => [c.kind, c.pushed])).toEqual([
      ['filter', true],
      ['sort', true],
      ['limit', true],
    ])
    const table = await workbench.lazyLoadTable(ITEMS, { ...select, orderBy: select.order_by })
    const rows = await mariadb('SELECT id FROM items WHERE qty > 5 ORDER BY qty DESC, id LIMIT 10', MARIADB_DB)
    expect([...table.getChild('id')!].map(String)).toEqual(rows.map(([id]) => id))
  })

  it('advises on the collation ILIKE relies on once pushed as LIKE', async () => {
    const select = { filters: { name: { ilike: 'ALPHA%' } }, columns: ['id'] }
    const [clause] = (await workbench.explain({ table: ITEMS, select })).foreignScans[0]!.clauses
    expect(clause).toMatchObject({ kind: 'filter', pushed: true })
    expect(clause?.advice).toContain('case-insensitively only when the column has a case-insensitive collation')
  })

  it('answers pushDownEligible from optimizeQuery, and NOT_FOUND for an unknown table', async () => {
    const query = await workbench.buildSelectQuery(ITEMS, { filters: { qty: { gt: 5 } }, limit: 3 })
    expect(query).toEqual({
      sql: 'SELECT "id", "name", "city", "amount", "score", "qty", "created", "updated" FROM "shop"."items" WHERE "qty" > $1 LIMIT $2',
      params: [5, 3],
    })
    const optimized = await workbench.optimizeQuery(query)
    expect(optimized.pushDownEligible).toBe(true)
    expect(optimized.plan.root.nodeType).toBe('Foreign Scan')
    await expect(workbench.buildSelectQuery('shop.nope', {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('tables in "shop": items'),
    })
  })
})
