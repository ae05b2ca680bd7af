import { describe, expect, it } from 'vitest'
import { planSourceDdl, planSourceRemoval, type ExistingSourceState } from './ddl-plan.js'
import { fdwAdapter } from './fdw/index.js'
import type { SourceConfig } from './source-config.js'
import { effectiveServerOptions, tablesHash } from './source-hash.js'

const shop: SourceConfig = {
  name: 'shop',
  extension: 'postgres_fdw',
  serverOptions: { host: 'db.example.com', port: '5432', dbname: 'shop' },
  userMappingOptions: { user: 'reader', password: "pa'ss" },
  importSchema: { remoteSchema: 'public', limitTo: ['orders', 'Customers'] },
  tables: null,
  cache: null,
  tags: [],
}

const files: SourceConfig = {
  name: 'files',
  extension: 'file_fdw',
  serverOptions: {},
  userMappingOptions: null,
  importSchema: null,
  tables: [
    {
      name: 'airports',
      options: { filename: '/data/airports.csv', format: 'csv', header: 'true' },
      columns: [
        { name: 'iata', type: 'text', options: {} },
        { name: 'lat', type: 'double precision', options: { column_name: 'latitude' } },
      ],
    },
  ],
  cache: null,
  tags: [],
}

/** The state the hub is in right after `source` was applied. */
function appliedState(source: SourceConfig): ExistingSourceState {
  return {
    server: { fdw: source.extension, options: effectiveServerOptions(source) },
    userMappingOptions: source.userMappingOptions,
    tablesHash: tablesHash(source),
    rawSchemaExists: true,
    viewSchemaExists: true,
  }
}

const sqlOf = (source: SourceConfig, existing: ExistingSourceState | null, force = false): string[] =>
  planSourceDdl(source, existing, { forceRefresh: force }).map((s) => s.sql)

const SHOP_TABLES = [
  'CREATE SCHEMA "raw_shop"',
  'IMPORT FOREIGN SCHEMA "public" LIMIT TO ("orders", "Customers") FROM SERVER "shop" INTO "raw_shop"',
  'CREATE SCHEMA "shop"',
  'CREATE VIEW "shop"."orders" AS SELECT * FROM "raw_shop"."orders"',
  'CREATE VIEW "shop"."Customers" AS SELECT * FROM "raw_shop"."Customers"',
]

const SHOP_CREATE = [
  'CREATE EXTENSION IF NOT EXISTS "postgres_fdw"',
  `CREATE SERVER "shop" FOREIGN DATA WRAPPER "postgres_fdw" OPTIONS ("host" 'db.example.com', "port" '5432', "dbname" 'shop', "fetch_size" '10000', "updatable" 'false')`,
  `CREATE USER MAPPING FOR CURRENT_USER SERVER "shop" OPTIONS ("user" 'reader', "password" 'pa''ss')`,
  ...SHOP_TABLES,
]

describe('planSourceDdl', () => {
  it('creates a postgres_fdw source: extension, read-only server, user mapping, raw schema, import, views', () => {
    expect(sqlOf(shop, null)).toEqual(SHOP_CREATE)
  })

  it('masks secrets in the displayed plan only', () => {
    const plan = planSourceDdl(shop, null)
    expect(plan.map((s) => s.action)).toEqual([
      'create extension',
      'create server',
      'create user mapping',
      'create schema',
      'import foreign schema',
      'create schema',
      'create view',
      'create view',
    ])
    expect(plan[2]?.display).toBe(
      `CREATE USER MAPPING FOR CURRENT_USER SERVER "shop" OPTIONS ("user" 'reader', "password" '***')`,
    )
    expect(plan.map((s) => s.display).join('\n')).not.toContain("pa''ss")
    expect(plan[2]?.sql).toContain("'pa''ss'")
    expect(plan[0]?.display).toBe('CREATE EXTENSION IF NOT EXISTS "postgres_fdw"')
  })

  it('creates a file_fdw source with explicit foreign tables and no user mapping', () => {
    expect(sqlOf(files, null)).toEqual([
      'CREATE EXTENSION IF NOT EXISTS "file_fdw"',
      'CREATE SERVER "files" FOREIGN DATA WRAPPER "file_fdw"',
      'CREATE SCHEMA "raw_files"',
      `CREATE FOREIGN TABLE "raw_files"."airports" ("iata" text, "lat" double precision OPTIONS ("column_name" 'latitude')) SERVER "files" OPTIONS ("filename" '/data/airports.csv', "format" 'csv', "header" 'true')`,
      'CREATE SCHEMA "files"',
      'CREATE VIEW "files"."airports" AS SELECT * FROM "raw_files"."airports"',
    ])
  })

  it('imports a whole schema and creates the views from what was imported', () => {
    const all = sqlOf({ ...shop, importSchema: { remoteSchema: 'public' } }, null)
    expect(all.slice(3)).toEqual([
      'CREATE SCHEMA "raw_shop"',
      'IMPORT FOREIGN SCHEMA "public" FROM SERVER "shop" INTO "raw_shop"',
      'CREATE SCHEMA "shop"',
      'DO $idw$ DECLARE t record; BEGIN FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ' +
        "WHERE n.nspname = 'raw_shop' AND c.relkind = 'f' ORDER BY c.relname LOOP " +
        "EXECUTE format('CREATE VIEW %I.%I AS SELECT * FROM %I.%I', 'shop', t.relname, 'raw_shop', t.relname); END LOOP; END $idw$",
    ])
  })

  it('writes EXCEPT and the FDW import options (mysql_fdw imports enums as text)', () => {
    const mysql: SourceConfig = {
      ...shop,
      extension: 'mysql_fdw',
      serverOptions: { host: 'h' },
      importSchema: { remoteSchema: 'shop', except: ['audit'] },
    }
    expect(sqlOf(mysql, null)).toContain(
      `IMPORT FOREIGN SCHEMA "shop" EXCEPT ("audit") FROM SERVER "shop" INTO "raw_shop" OPTIONS ("import_enum_as_text" 'true')`,
    )
    expect(sqlOf(mysql, null)[1]).toBe(
      `CREATE SERVER "shop" FOREIGN DATA WRAPPER "mysql_fdw" OPTIONS ("host" 'h', "fetch_size" '10000')`,
    )
  })

  it('plans nothing when the hub already matches', () => {
    expect(sqlOf(shop, appliedState(shop))).toEqual([])
    expect(sqlOf(files, { ...appliedState(files), server: { fdw: 'file_fdw', options: {} } })).toEqual([])
  })

  it('alters only the server options that differ (a new port, a new option, a removed one)', () => {
    const before = appliedState(shop)
    const existing = {
      ...before,
      server: { fdw: 'postgres_fdw', options: { ...before.server?.options, port: '5433', keep_connections: 'off' } },
    }
    const desired = { ...shop, serverOptions: { ...shop.serverOptions, fetch_size: '500' } }
    expect(sqlOf(desired, existing)).toEqual([
      `ALTER SERVER "shop" OPTIONS (SET "port" '5432', SET "fetch_size" '500', DROP "keep_connections")`,
    ])
  })

  it('adds the engine defaults (fetch_size 10000) unless the config sets them', () => {
    expect(effectiveServerOptions(shop)).toEqual({ ...shop.serverOptions, fetch_size: '10000', updatable: 'false' })
    expect(effectiveServerOptions({ ...shop, serverOptions: { fetch_size: '100' } })).toEqual({
      fetch_size: '100',
      updatable: 'false',
    })
    expect(effectiveServerOptions(files)).toEqual({})
  })

  it('keeps a user-set updatable option instead of the read-only default', () => {
    expect(sqlOf({ ...shop, serverOptions: { ...shop.serverOptions, updatable: 'true' } }, appliedState(shop))).toEqual(
      [`ALTER SERVER "shop" OPTIONS (SET "updatable" 'true')`],
    )
  })

  it('creates, alters or drops the user mapping as needed', () => {
    const state = appliedState(shop)
    const newPassword = planSourceDdl({ ...shop, userMappingOptions: { user: 'reader', password: 'new' } }, state)
    expect(newPassword.map((s) => s.sql)).toEqual([
      `ALTER USER MAPPING FOR CURRENT_USER SERVER "shop" OPTIONS (SET "password" 'new')`,
    ])
    expect(newPassword[0]?.display).toBe(
      `ALTER USER MAPPING FOR CURRENT_USER SERVER "shop" OPTIONS (SET "password" '***')`,
    )
    expect(sqlOf({ ...shop, userMappingOptions: null }, state)).toEqual([
      'DROP USER MAPPING IF EXISTS FOR CURRENT_USER SERVER "shop"',
    ])
    expect(sqlOf(shop, { ...state, userMappingOptions: null })).toEqual([SHOP_CREATE[2]])
  })

  it('rebuilds both schemas when the table spec changed or a schema is missing', () => {
    const drops = ['DROP SCHEMA IF EXISTS "shop" CASCADE', 'DROP SCHEMA IF EXISTS "raw_shop" CASCADE']
    expect(sqlOf(shop, { ...appliedState(shop), tablesHash: 'an older spec' })).toEqual([...drops, ...SHOP_TABLES])
    expect(sqlOf(shop, { ...appliedState(shop), viewSchemaExists: false })).toEqual([...drops, ...SHOP_TABLES])
  })

  it('rebuilds everything on force refresh, for a missing server, or a server of another FDW', () => {
    const removal = [
      'DROP SCHEMA IF EXISTS "shop" CASCADE',
      'DROP SCHEMA IF EXISTS "raw_shop" CASCADE',
      'DROP SERVER IF EXISTS "shop" CASCADE',
    ]
    expect(sqlOf(shop, appliedState(shop), true)).toEqual([...removal, ...SHOP_CREATE])
    expect(sqlOf(shop, { ...appliedState(shop), server: null })).toEqual([...removal, ...SHOP_CREATE])
    expect(sqlOf(shop, { ...appliedState(shop), server: { fdw: 'mysql_fdw', options: {} } })).toEqual([
      ...removal,
      ...SHOP_CREATE,
    ])
    expect(planSourceRemoval('shop').map((s) => s.sql)).toEqual(removal)
  })

  it('quotes names and values that need it', () => {
    const odd: SourceConfig = {
      ...files,
      tables: [
        { name: 'a"b', options: { filename: "C:\\it's.csv" }, columns: [{ name: 'x y', type: 'text', options: {} }] },
      ],
    }
    expect(sqlOf(odd, null)[3]).toBe(
      `CREATE FOREIGN TABLE "raw_files"."a""b" ("x y" text) SERVER "files" OPTIONS ("filename" E'C:\\\\it''s.csv')`,
    )
  })
})

describe('FDW adapters', () => {
  it('never ANALYZEs mysql_fdw tables: 2.8 gathers nothing and crashes the backend on a MySQL view', () => {
    expect(fdwAdapter('mysql_fdw').analyze).toBe(false)
    expect(fdwAdapter('tds_fdw').analyze).toBe(false)
    expect(fdwAdapter('postgres_fdw').analyze).toBe(true)
    expect(fdwAdapter('file_fdw').analyze).toBe(true)
  })

  it('restores DECIMAL precision right after a mysql_fdw import, before the views', () => {
    const mysql: SourceConfig = {
      ...shop,
      extension: 'mysql_fdw',
      serverOptions: { host: 'h' },
      importSchema: { remoteSchema: 'shop' },
    }
    const plan = planSourceDdl(mysql, null)
    expect(plan.map((s) => s.action).slice(4, 7)).toEqual(['import foreign schema', 'adjust types', 'create schema'])
    expect(plan[5]?.sql).toContain(`JOIN "raw_shop"."idw_remote_columns" m ON m.table_schema = 'shop'`)
    expect(plan[5]?.sql).toMatch(/DROP FOREIGN TABLE "raw_shop"\."idw_remote_columns"; END \$idw\$$/)
  })
})
