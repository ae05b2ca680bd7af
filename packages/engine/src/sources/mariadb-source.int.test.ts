import { randomBytes } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  hubType,
  loadRemoteDataset,
  mariadb,
  mariadbUnavailable,
  MARIADB,
  type RemoteDataset,
} from './testing/mariadb.js'
import { pg15Unavailable, printSkip } from './testing/pg15-hub.js'
import { startSourcesEngine, type SourcesEngine } from './testing/sources-engine.js'

const PASSWORD = 'p@ss#w:rd/?'
const ENCODED = encodeURIComponent(PASSWORD)
const skip = (await pg15Unavailable(['mysql_fdw'])) ?? (await mariadbUnavailable())
if (skip) printSkip('mariadb-source.int.test.ts', skip)

let t: SourcesEngine
let remote: RemoteDataset
let uri: string

describe.skipIf(skip !== null)('a MariaDB source on a PostgreSQL 15 hub, through the API', () => {
  beforeAll(async () => {
    remote = await loadRemoteDataset(PASSWORD)
    process.env.IDW_MASTER_KEY = randomBytes(32).toString('hex')
    t = await startSourcesEngine('mariadb')
    uri = `mysql://${remote.user}:${ENCODED}@${MARIADB.host}:${MARIADB.port}/${remote.database}`
  })

  afterAll(async () => {
    await t?.close()
    await remote?.drop()
    delete process.env.IDW_MASTER_KEY
  })

  it('reports what this hub can install, with versions, packages and options for its versions', async () => {
    const out = await t.call<{ hub: { major: number }; types: Array<Record<string, unknown>> }>('sources/types', {})
    expect(out.hub.major).toBe(15)
    const byName = new Map(out.types.map((t) => [t.extension, t]))
    expect(byName.get('mysql_fdw')).toMatchObject({ available: true, fdwVersion: '2.8.0', install: null })
    expect(byName.get('ogr_fdw')).toMatchObject({ available: true, explainShowsRemoteSql: false })
    expect(byName.get('ogr_fdw')?.formats).toEqual(expect.arrayContaining(['XLSX', 'ODS', 'GeoJSON', 'SQLite']))
    expect(byName.get('tds_fdw')).toMatchObject({
      available: false,
      package: 'postgresql-15-tds-fdw',
      install: expect.stringContaining('apt-get install postgresql-15-tds-fdw'),
    })
    const names = (ext: string) =>
      (byName.get(ext)?.options as Array<{ name: string; scope: string }>).map((o) => `${o.scope}.${o.name}`)
    expect(names('postgres_fdw')).toEqual(
      expect.arrayContaining([
        'server.fetch_size',
        'server.use_remote_estimate',
        'server.async_capable',
        'server.batch_size',
      ]),
    )
    expect(names('postgres_fdw')).not.toContain('server.analyze_sampling')
    expect(names('postgres_fdw')).not.toContain('server.use_scram_passthrough')
    expect(names('mysql_fdw')).toEqual(
      expect.arrayContaining([
        'server.fetch_size',
        'server.sql_mode',
        'server.character_set',
        'import.import_enum_as_text',
      ]),
    )
    expect(names('mysql_fdw')).not.toContain('import.import_generated')
  })

  it('reads the URI back as a form without the password', async () => {
    const out = await t.call<Record<string, unknown>>('sources/parse-uri', { uri })
    expect(out).toEqual({
      draft: {
        kind: 'form',
        name: remote.database,
        extension: 'mysql_fdw',
        serverOptions: { host: MARIADB.host, port: String(MARIADB.port) },
        userMappingOptions: { username: remote.user },
        importSchema: { remoteSchema: remote.database },
      },
      hasPassword: true,
      suggestedName: remote.database,
      location: `${MARIADB.host}:${MARIADB.port}/${remote.database}`,
    })
  })

  it('tests the connection before saving and leaves nothing in the hub', async () => {
    const out = await t.call<Record<string, unknown>>('sources/test', {
      source: { kind: 'uri', name: 'movies_db', uri },
    })
    expect(out).toMatchObject({ ok: true, verdict: 'ok', code: null, remoteTables: 3, action: null })
    expect(out.message).toBe(`connected to ${MARIADB.host}:${MARIADB.port}/${remote.database}: 3 tables`)
    expect(await t.probeLeftovers()).toEqual([])
    expect(await t.rows(`SELECT extname FROM pg_extension WHERE extname = 'mysql_fdw'`)).toEqual([])
  })

  it('lists the remote tables with the types the hub will see', async () => {
    const out = await t.call<{
      remoteSchema: string
      tables: Array<{ name: string; columns: unknown[]; imported: boolean }>
    }>('sources/remote-tables', { source: { kind: 'uri', name: 'movies_db', uri } })
    expect(out.remoteSchema).toBe(remote.database)
    expect(out.tables.map((t) => [t.name, t.columns.length, t.imported])).toEqual([
      ['movies', 15, false],
      ['penguins', 8, false],
      ['rated_movies', 3, false],
    ])
    const remoteColumns = await mariadb(
      `SELECT table_name, column_name, column_type, is_nullable FROM information_schema.columns
        WHERE table_schema = '${remote.database}' ORDER BY table_name, ordinal_position`,
    )
    const hubColumns = out.tables.flatMap((table) =>
      (table.columns as Array<{ name: string; type: string; nullable: boolean }>).map((c) => [
        table.name,
        c.name,
        c.type,
        c.nullable ? 'YES' : 'NO',
      ]),
    )
    expect(hubColumns).toEqual(
      remoteColumns.map(([table, column, type, nullable]) => [table, column, hubType(type as string), nullable]),
    )
    expect(hubColumns).toContainEqual(['movies', 'imdb_rating', 'numeric(3,1)', 'YES'])
    expect(hubColumns).toContainEqual(['movies', 'mpaa_rating', 'text', 'YES'])
    expect(hubColumns).toContainEqual(['penguins', 'species', 'character varying(20)', 'NO'])
    expect(hubColumns).toContainEqual(['rated_movies', 'imdb_rating', 'numeric(3,1)', 'YES'])
    expect(await t.probeLeftovers()).toEqual([])
  })

  it('adds the source by URI with the picked table, keeps the password in the vault only', async () => {
    const out = await t.call<{ source: Record<string, unknown>; tables: string[]; statements: string[] }>(
      'sources/add',
      {
        source: { kind: 'uri', name: 'movies_db', uri, limitTo: ['movies'] },
      },
    )
    expect(out.source).toMatchObject({
      name: 'movies_db',
      fdw: 'mysql_fdw',
      typeLabel: 'MySQL / MariaDB',
      location: `${MARIADB.host}:${MARIADB.port}/${remote.database}`,
      tables: 1,
      status: 'ready',
      origin: 'api',
    })
    expect(out.tables).toEqual(['movies_db.movies'])
    expect(out.statements).toContain(
      `CREATE USER MAPPING FOR CURRENT_USER SERVER "movies_db" OPTIONS ("username" '${remote.user}', "password" '***')`,
    )
    const vaultFile = await readFile(path.join(t.dataDir, 'vault.json'), 'utf8')
    expect(JSON.parse(vaultFile).entries).toHaveProperty(['source:movies_db:user_mapping:password'])
    expect(vaultFile).not.toContain(PASSWORD)
    const recorded = await t.rows<{ user_mapping_options: unknown; secret_refs: unknown; server_options: unknown }>(
      'SELECT user_mapping_options, secret_refs, server_options FROM idw.sources WHERE name = $1',
      ['movies_db'],
    )
    expect(recorded).toEqual([
      {
        user_mapping_options: { username: remote.user },
        secret_refs: { 'user_mapping.password': 'vault:source:movies_db:user_mapping:password' },
        server_options: { host: MARIADB.host, port: String(MARIADB.port), fetch_size: '10000' },
      },
    ])
  })

  it('queries MariaDB through the hub: row counts, sums, enum text and decimals match MariaDB itself', async () => {
    const [expected] = await mariadb(
      `SELECT COUNT(*), SUM(us_gross), SUM(mpaa_rating = 'PG-13'), SUM(imdb_rating), MIN(release_date), COUNT(release_date)
         FROM movies`,
      remote.database,
    )
    const [got] = await t.rows<Record<string, string>>(
      `SELECT count(*)::text AS n, sum(us_gross)::text AS gross, count(*) FILTER (WHERE mpaa_rating = 'PG-13')::text AS pg13,
              sum(imdb_rating)::text AS imdb, min(release_date)::text AS first, count(release_date)::text AS dated
         FROM movies_db.movies`,
    )
    expect(Number(got?.n)).toBe(remote.movies)
    expect([got?.n, got?.gross, got?.pg13, got?.imdb, got?.first, got?.dated]).toEqual(expected)
    const types = await t.rows<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'movies_db' AND table_name = 'movies' AND column_name IN ('us_gross', 'imdb_rating', 'release_date', 'mpaa_rating')
        ORDER BY column_name`,
    )
    expect(types).toEqual([
      { column_name: 'imdb_rating', data_type: 'numeric' },
      { column_name: 'mpaa_rating', data_type: 'text' },
      { column_name: 'release_date', data_type: 'date' },
      { column_name: 'us_gross', data_type: 'bigint' },
    ])
  })

  it('never writes to the source: a write through the hub fails and MariaDB is unchanged', async () => {
    const client = await t.db.hub.pool.connect()
    try {
      await client.query('BEGIN READ ONLY')
      await expect(client.query(`DELETE FROM raw_movies_db.movies WHERE id = 1`)).rejects.toMatchObject({
        code: '25006',
      })
      await client.query('ROLLBACK')
    } finally {
      client.release()
    }
    await expect(t.db.hub.pool.query(`DELETE FROM raw_movies_db.movies WHERE id = 1`)).rejects.toThrow(
      /DELETE command denied/,
    )
    expect(await mariadb('SELECT COUNT(*) FROM movies', remote.database)).toEqual([[String(remote.movies)]])
  })

  it('tests a saved source again, and lists what it could still import', async () => {
    const test = await t.call<Record<string, unknown>>('sources/test', { name: 'movies_db' })
    expect(test).toMatchObject({ ok: true, verdict: 'ok', remoteTables: 1 })
    const tables = await t.call<{ tables: Array<{ name: string; imported: boolean }> }>('sources/remote-tables', {
      name: 'movies_db',
    })
    expect(tables.tables.map((t) => [t.name, t.imported])).toEqual([
      ['movies', true],
      ['penguins', false],
      ['rated_movies', false],
    ])
    expect(await t.probeLeftovers()).toEqual([])
  })

  it('refreshes and says which columns were added, removed and retyped', async () => {
    const unchanged = await t.call<{ changes: Record<string, unknown> }>('sources/refresh', { name: 'movies_db' })
    expect(unchanged.changes).toMatchObject({ unchanged: true })
    await mariadb(
      `ALTER TABLE movies ADD COLUMN budget_class VARCHAR(10), DROP COLUMN us_dvd_sales, MODIFY running_time_min INT`,
      remote.database,
    )
    const out = await t.call<{ changes: Record<string, unknown>; source: Record<string, unknown> }>('sources/refresh', {
      name: 'movies_db',
    })
    expect(out.changes).toEqual({
      unchanged: false,
      tablesAdded: [],
      tablesRemoved: [],
      columnsAdded: [{ table: 'movies', column: 'budget_class', type: 'character varying(10)' }],
      columnsRemoved: [{ table: 'movies', column: 'us_dvd_sales', type: 'bigint' }],
      columnsRetyped: [{ table: 'movies', column: 'running_time_min', from: 'smallint', to: 'integer' }],
    })
    expect(out.source).toMatchObject({ status: 'ready', refreshedAt: expect.any(String) })
    expect((await t.rows('SELECT count(*)::int AS n FROM movies_db.movies'))[0]).toEqual({ n: remote.movies })
  })

  it('rebuilds on force refresh with the password from the hub, and refuses a second source of that name', async () => {
    const out = await t.call<{ statements: string[] }>('sources/refresh', { name: 'movies_db', rebuild: true })
    expect(out.statements[0]).toBe('DROP SCHEMA IF EXISTS "movies_db" CASCADE')
    expect(out.statements).toContain(
      `CREATE USER MAPPING FOR CURRENT_USER SERVER "movies_db" OPTIONS ("username" '${remote.user}', "password" '***')`,
    )
    expect((await t.rows('SELECT count(*)::int AS n FROM movies_db.movies'))[0]).toEqual({ n: remote.movies })
    const again = await t.callError('sources/add', { source: { kind: 'uri', name: 'movies_db', uri } })
    expect(again.code).toBe('SOURCE_EXISTS')
  })

  it('lists the cards and whether the vault is usable', async () => {
    const out = await t.call<{ sources: Array<Record<string, unknown>>; vault: unknown }>('sources/list', {})
    expect(out.vault).toEqual({ unlocked: true, reason: null })
    expect(out.sources.map((s) => [s.name, s.fdw, s.tables, s.status])).toEqual([
      ['movies_db', 'mysql_fdw', 1, 'ready'],
    ])
  })

  it('removes the source from the hub only: MariaDB keeps its data, the vault forgets the password', async () => {
    const out = await t.call<{ statements: string[] }>('sources/remove', { name: 'movies_db' })
    expect(out.statements).toEqual([
      'DROP SCHEMA IF EXISTS "movies_db" CASCADE',
      'DROP SCHEMA IF EXISTS "raw_movies_db" CASCADE',
      'DROP SERVER IF EXISTS "movies_db" CASCADE',
    ])
    expect(await t.leftovers('movies_db')).toEqual([])
    expect(await mariadb('SELECT COUNT(*) FROM movies', remote.database)).toEqual([[String(remote.movies)]])
    expect(JSON.parse(await readFile(path.join(t.dataDir, 'vault.json'), 'utf8')).entries).toEqual({})
  })

  it('never shows the password in an API answer, an error, the log or the data folder', async () => {
    await t.call('catalog/get', {})
    await t.call('hub/status', {})
    const answered = JSON.stringify(t.answers)
    const logged = t.logLines.join('')
    expect(t.answers.length).toBeGreaterThan(12)
    expect(t.logLines.length).toBeGreaterThan(20)
    expect(logged).toContain('source DDL')
    for (const secret of [PASSWORD, ENCODED, 'not-the-password']) {
      expect(answered).not.toContain(secret)
      expect(logged).not.toContain(secret)
    }
    for (const file of await readdir(t.dataDir)) {
      if (file.endsWith('.json') || file.endsWith('.yaml'))
        expect(await readFile(path.join(t.dataDir, file), 'utf8')).not.toContain(PASSWORD)
    }
  })
})
