import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testHubUrl } from '../../test/hub-url.js'
import { readCatalog } from '../catalog/index.js'
import { startHub, type Hub } from '../hub/index.js'
import { applySources } from './apply-sources.js'
import type { SourceConfig } from './source-config.js'

const logger = pino({ level: 'silent' })
const suffix = `${process.pid}_${Date.now()}`
const HUB_DB = `idw_it_hub_${suffix}`
const REMOTE_DB = `idw_it_remote_${suffix}`

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

let admin: Hub
let hub: Hub
let shop: SourceConfig

async function serverOid(name: string): Promise<number | null> {
  const { rows } = await hub.pool.query<{ oid: number }>(
    'SELECT oid::int AS oid FROM pg_foreign_server WHERE srvname = $1',
    [name],
  )
  return rows[0]?.oid ?? null
}

async function leftovers(name: string): Promise<string[]> {
  const { rows } = await hub.pool.query<{ what: string }>(
    `SELECT 'server' AS what FROM pg_foreign_server WHERE srvname = $1
     UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname IN ($1, 'raw_' || $1)
     UNION ALL SELECT 'record' FROM idw.sources WHERE name = $1`,
    [name],
  )
  return rows.map((r) => r.what)
}

beforeAll(async () => {
  admin = await startHub({ url: testHubUrl(), logger })
  await admin.pool.query(`CREATE DATABASE ${HUB_DB}`)
  await admin.pool.query(`CREATE DATABASE ${REMOTE_DB}`)
  const remote = admin.openPool(REMOTE_DB)
  await remote.query(`
    CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
    INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger');
    CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, amount numeric(10,2), placed_at timestamptz);
    INSERT INTO orders SELECT g, 1 + g % 3, g * 1.5, timestamptz '2024-01-01' + g * interval '1 hour' FROM generate_series(1, 1000) g;
    CREATE TABLE audit (id int);
    ANALYZE;`)
  await remote.end()
  hub = await startHub({ url: withDatabase(testHubUrl(), HUB_DB), logger })
  const at = admin.connectionParams()
  shop = {
    name: 'shop',
    extension: 'postgres_fdw',
    serverOptions: { host: at.host, port: String(at.port), dbname: REMOTE_DB },
    userMappingOptions: { user: at.user, ...(at.password ? { password: at.password } : {}) },
    importSchema: { remoteSchema: 'public', limitTo: ['orders', 'customers'] },
    tables: null,
    cache: null,
    tags: ['test'],
  }
})

afterAll(async () => {
  await hub?.stop()
  await admin?.pool.query(`DROP DATABASE IF EXISTS ${HUB_DB} WITH (FORCE)`)
  await admin?.pool.query(`DROP DATABASE IF EXISTS ${REMOTE_DB} WITH (FORCE)`)
  await admin?.stop()
})

describe('applySources on an external hub', () => {
  it('creates a postgres_fdw source, and a second apply runs no DDL', async () => {
    const [first] = await applySources(hub.pool, { sources: { shop } }, { logger })
    expect(first?.outcome).toBe('created')
    const at = admin.connectionParams()
    expect(first?.statements).toEqual([
      'CREATE EXTENSION IF NOT EXISTS "postgres_fdw"',
      `CREATE SERVER "shop" FOREIGN DATA WRAPPER "postgres_fdw" OPTIONS ("host" '${at.host}', "port" '${at.port}', "dbname" '${REMOTE_DB}', "fetch_size" '10000', "updatable" 'false')`,
      `CREATE USER MAPPING FOR CURRENT_USER SERVER "shop" OPTIONS ("user" '${at.user}'${at.password ? `, "password" '***'` : ''})`,
      'CREATE SCHEMA "raw_shop"',
      'IMPORT FOREIGN SCHEMA "public" LIMIT TO ("orders", "customers") FROM SERVER "shop" INTO "raw_shop"',
      'CREATE SCHEMA "shop"',
      'CREATE VIEW "shop"."orders" AS SELECT * FROM "raw_shop"."orders"',
      'CREATE VIEW "shop"."customers" AS SELECT * FROM "raw_shop"."customers"',
    ])
    const oid = await serverOid('shop')
    const appliedAt = (await hub.pool.query('SELECT applied_at FROM idw.sources WHERE name = $1', ['shop'])).rows[0]
      ?.applied_at
    const [second] = await applySources(hub.pool, { sources: { shop } }, { logger })
    expect(second).toMatchObject({ name: 'shop', outcome: 'unchanged', statements: [] })
    expect(await serverOid('shop')).toBe(oid)
    expect(
      (await hub.pool.query('SELECT applied_at FROM idw.sources WHERE name = $1', ['shop'])).rows[0]?.applied_at,
    ).toEqual(appliedAt)
  })

  it('reads the remote rows through the views', async () => {
    const { rows } = await hub.pool.query(
      'SELECT count(*)::int AS n, sum(o.amount)::text AS total FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id',
    )
    expect(rows[0]).toEqual({ n: 1000, total: '750750.00' })
  })

  it('shows the tables with their columns, types, nullability and estimated rows in the catalog', async () => {
    const catalog = await readCatalog(hub.pool)
    expect(catalog.sources).toHaveLength(1)
    expect(catalog.sources[0]).toEqual({
      name: 'shop',
      fdw: 'postgres_fdw',
      server: 'shop',
      location: `${admin.connectionParams().host}:${admin.connectionParams().port}/${REMOTE_DB}`,
      schema: 'shop',
      tables: [
        {
          schema: 'shop',
          name: 'customers',
          kind: 'view',
          estimatedRows: 3,
          columns: [
            { name: 'id', type: 'integer', nullable: false },
            { name: 'name', type: 'text', nullable: false },
          ],
        },
        {
          schema: 'shop',
          name: 'orders',
          kind: 'view',
          estimatedRows: 1000,
          columns: [
            { name: 'id', type: 'integer', nullable: false },
            { name: 'customer_id', type: 'integer', nullable: false },
            { name: 'amount', type: 'numeric(10,2)', nullable: true },
            { name: 'placed_at', type: 'timestamp with time zone', nullable: true },
          ],
        },
      ],
    })
  })

  it('alters only the server option that changed', async () => {
    const oid = await serverOid('shop')
    const [result] = await applySources(
      hub.pool,
      { sources: { shop: { ...shop, serverOptions: { ...shop.serverOptions, fetch_size: '500' } } } },
      { logger },
    )
    expect(result?.outcome).toBe('updated')
    expect(result?.statements).toEqual([`ALTER SERVER "shop" OPTIONS (SET "fetch_size" '500')`])
    expect(result?.changes).toEqual([`server option fetch_size: '10000' → '500'`])
    expect(await serverOid('shop')).toBe(oid)
  })

  it('rebuilds a source on force refresh', async () => {
    const oid = await serverOid('shop')
    const [result] = await applySources(hub.pool, { sources: { shop } }, { logger, forceRefresh: ['shop'] })
    expect(result?.outcome).toBe('rebuilt')
    expect(result?.statements.slice(0, 3)).toEqual([
      'DROP SCHEMA IF EXISTS "shop" CASCADE',
      'DROP SCHEMA IF EXISTS "raw_shop" CASCADE',
      'DROP SERVER IF EXISTS "shop" CASCADE',
    ])
    expect(await serverOid('shop')).not.toBe(oid)
    expect((await hub.pool.query('SELECT count(*)::int AS n FROM shop.orders')).rows[0]).toEqual({ n: 1000 })
  })

  it('reports FDW_NOT_AVAILABLE with the Debian package and leaves nothing behind', async () => {
    const mssql: SourceConfig = {
      ...shop,
      name: 'mssql',
      extension: 'tds_fdw',
      serverOptions: { servername: 'sql.example.com' },
      importSchema: { remoteSchema: 'dbo' },
    }
    const [result] = await applySources(hub.pool, { sources: { mssql } }, { logger })
    expect(result?.outcome).toBe('failed')
    expect(result?.error?.code).toBe('FDW_NOT_AVAILABLE')
    expect(result?.error?.message).toMatch(/apt-get install postgresql-\d+-tds-fdw/)
    expect(await leftovers('mssql')).toEqual([])
    expect(
      (await hub.pool.query(`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'tds_fdw'`)).rows[0],
    ).toEqual({ n: 0 })
  })

  it('rolls a source back whole when a statement fails, and says which table was missing', async () => {
    const broken: SourceConfig = {
      ...shop,
      name: 'broken',
      importSchema: { remoteSchema: 'public', limitTo: ['nope'] },
    }
    const [result] = await applySources(hub.pool, { sources: { broken } }, { logger })
    expect(result?.error?.code).toBe('SOURCE_NOT_FOUND')
    expect(result?.error?.message).toMatch(
      /^source "broken": a table listed in limit_to was not found in remote schema "public"/,
    )
    expect(result?.error?.detail).toMatchObject({
      source: 'broken',
      sqlstate: '42P01',
      statement: 'CREATE VIEW "broken"."nope" AS SELECT * FROM "raw_broken"."nope"',
    })
    expect(await leftovers('broken')).toEqual([])
  })

  it('classifies an unreachable host and never shows a secret in the error', async () => {
    const down: SourceConfig = {
      ...shop,
      name: 'down',
      serverOptions: { host: '127.0.0.1', port: '1', dbname: 'x' },
      userMappingOptions: { user: 'u', password: 'topsecret-pw' },
    }
    const [result] = await applySources(hub.pool, { sources: { down } }, { logger })
    expect(result?.error?.code).toBe('SOURCE_UNREACHABLE')
    expect(result?.error?.message).toMatch(/^source "down": cannot reach 127\.0\.0\.1:1\/x: .*Connection refused/)
    expect(result?.error?.detail).toMatchObject({ verdict: 'host_unreachable', sqlstate: '08001' })
    expect(JSON.stringify(result?.error?.toBody())).not.toContain('topsecret-pw')
    expect(await leftovers('down')).toEqual([])
  })

  it('removes sources the config no longer has when asked to prune', async () => {
    const kept = await applySources(hub.pool, { sources: {} }, { logger })
    expect(kept.map((r) => [r.name, r.action, r.outcome])).toEqual([['shop', 'keep', 'kept']])
    const planned = await applySources(hub.pool, { sources: {} }, { logger, prune: true, dryRun: true })
    expect(planned.map((r) => [r.name, r.action, r.outcome])).toEqual([['shop', 'remove', 'planned']])
    expect((await leftovers('shop')).sort()).toEqual(['record', 'schema raw_shop', 'schema shop', 'server'])
    const results = await applySources(hub.pool, { sources: {} }, { logger, prune: true })
    expect(results.map((r) => [r.name, r.outcome])).toEqual([['shop', 'removed']])
    expect(await leftovers('shop')).toEqual([])
    expect(await readCatalog(hub.pool)).toEqual({ sources: [] })
  })
})
