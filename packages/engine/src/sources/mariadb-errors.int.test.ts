import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRemoteDataset, mariadbUnavailable, MARIADB, type RemoteDataset } from './testing/mariadb.js'
import { pg15Unavailable, printSkip } from './testing/pg15-hub.js'
import { startSourcesEngine, type SourcesEngine } from './testing/sources-engine.js'

const PASSWORD = 'p@ss#w:rd/?'
const ENCODED = encodeURIComponent(PASSWORD)
const skip = (await pg15Unavailable(['mysql_fdw'])) ?? (await mariadbUnavailable())
if (skip) printSkip('mariadb-errors.int.test.ts', skip)

let t: SourcesEngine
let remote: RemoteDataset
let uri: string

describe.skipIf(skip !== null)('bad MariaDB sources: precise verdicts and codes, nothing half-created', () => {
  beforeAll(async () => {
    remote = await loadRemoteDataset(PASSWORD)
    process.env.IDW_MASTER_KEY = randomBytes(32).toString('hex')
    t = await startSourcesEngine('mariadb_errors')
    uri = `mysql://${remote.user}:${ENCODED}@${MARIADB.host}:${MARIADB.port}/${remote.database}`
  })

  afterAll(async () => {
    await t?.close()
    await remote?.drop()
    delete process.env.IDW_MASTER_KEY
  })

  it('answers a precise verdict for a wrong password, and sources/add fails with nothing left', async () => {
    const wrong = `mysql://${remote.user}:not-the-password@${MARIADB.host}:${MARIADB.port}/${remote.database}`
    const test = await t.call<Record<string, unknown>>('sources/test', {
      source: { kind: 'uri', name: 'bad_pw', uri: wrong },
    })
    expect(test).toMatchObject({ ok: false, verdict: 'auth_failed', code: 'SOURCE_AUTH_FAILED' })
    expect(test.message).toMatch(new RegExp(`refused user "${remote.user}": .*Access denied`))
    expect(test.action).toMatch(/Check the user name and password/)
    const add = await t.callError('sources/add', { source: { kind: 'uri', name: 'bad_pw', uri: wrong } })
    expect(add.code).toBe('SOURCE_AUTH_FAILED')
    expect(await t.leftovers('bad_pw')).toEqual([])
  })

  it('answers host unreachable and database missing', async () => {
    const down = await t.call<Record<string, unknown>>('sources/test', {
      source: { kind: 'uri', name: 'down', uri: `mysql://${remote.user}:${ENCODED}@127.0.0.1:1/${remote.database}` },
    })
    expect(down).toMatchObject({ ok: false, verdict: 'host_unreachable', code: 'SOURCE_UNREACHABLE' })
    expect(down.message).toMatch(/^cannot reach 127\.0\.0\.1:1\//)
    const unknownHost = await t.call<Record<string, unknown>>('sources/test', {
      source: { kind: 'uri', name: 'down', uri: `mysql://u:p@no-such-host.invalid/${remote.database}` },
    })
    expect(unknownHost).toMatchObject({ verdict: 'host_unreachable' })
    const nodb = await t.call<Record<string, unknown>>('sources/test', {
      source: {
        kind: 'uri',
        name: 'nodb',
        uri: `mysql://${remote.user}:${ENCODED}@${MARIADB.host}:${MARIADB.port}/no_such_db`,
      },
    })
    expect(nodb).toMatchObject({ ok: false, verdict: 'database_missing', code: 'SOURCE_NOT_FOUND' })
    expect(nodb.message).toBe(`database "no_such_db" does not exist on ${MARIADB.host}:${MARIADB.port}/no_such_db`)
    const add = await t.callError('sources/add', {
      source: { kind: 'uri', name: 'down', uri: `mysql://${remote.user}:${ENCODED}@127.0.0.1:1/${remote.database}` },
    })
    expect(add.code).toBe('SOURCE_UNREACHABLE')
    expect(await t.leftovers('down')).toEqual([])
  })

  it('names the package of a missing FDW (tds_fdw) and creates nothing', async () => {
    const draft = { kind: 'uri', name: 'erp', uri: 'sqlserver://sa:secret@127.0.0.1/erp' }
    const test = await t.call<Record<string, unknown>>('sources/test', { source: draft })
    expect(test).toMatchObject({ ok: false, verdict: 'fdw_missing', code: 'FDW_NOT_AVAILABLE' })
    expect(test.action).toBe(
      "Install postgresql-15-tds-fdw on the hub's server (Debian/Ubuntu: apt-get install postgresql-15-tds-fdw).",
    )
    const add = await t.callError('sources/add', { source: draft })
    expect(add).toMatchObject({ code: 'FDW_NOT_AVAILABLE', detail: { package: 'postgresql-15-tds-fdw' } })
    expect(await t.leftovers('erp')).toEqual([])
    expect(await t.rows(`SELECT extname FROM pg_extension WHERE extname = 'tds_fdw'`)).toEqual([])
  })

  it('refuses an unknown option with the valid ones and a suggestion, creating nothing', async () => {
    const draft = { kind: 'uri', name: 'typo', uri, serverOptions: { fech_size: '500' } }
    const test = await t.call<Record<string, unknown>>('sources/test', { source: draft })
    expect(test).toMatchObject({ ok: false, verdict: 'option_invalid', code: 'SOURCE_OPTION_INVALID' })
    expect(test.message).toBe('mysql_fdw has no server option "fech_size"')
    expect(test.action).toMatch(/^did you mean "fetch_size"\? Valid server options: host, port, .*fetch_size/)
    const add = await t.callError('sources/add', { source: draft })
    expect(add.code).toBe('SOURCE_OPTION_INVALID')
    expect(add.detail).toMatchObject({ validOptions: expect.arrayContaining(['fetch_size', 'sql_mode']) })
    expect(await t.leftovers('typo')).toEqual([])
  })

  it('answers BAD_INPUT for malformed input before touching the hub', async () => {
    expect((await t.callError('sources/add', { source: { kind: 'uri', name: 'Bad Name', uri } })).code).toBe(
      'BAD_INPUT',
    )
    const badUri = await t.callError('sources/add', {
      source: { kind: 'uri', name: 'x', uri: `mysql://u:${PASSWORD}@` },
    })
    expect(badUri).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^invalid URI: /) })
    expect((await t.callError('sources/test', {})).code).toBe('BAD_INPUT')
    expect((await t.callError('sources/refresh', { name: 'nothing_here' })).code).toBe('NOT_FOUND')
    expect((await t.callError('sources/remove', { name: 'nothing_here' })).code).toBe('NOT_FOUND')
  })

  it('refuses a second source of the same name', async () => {
    await t.call('sources/add', { source: { kind: 'uri', name: 'movies_db', uri, limitTo: ['penguins'] } })
    const again = await t.callError('sources/add', { source: { kind: 'uri', name: 'movies_db', uri } })
    expect(again).toMatchObject({
      code: 'SOURCE_EXISTS',
      message: expect.stringMatching(/^a source named "movies_db" already exists/),
    })
    expect(await t.rows('SELECT count(*)::int AS n FROM movies_db.penguins')).toEqual([{ n: remote.penguins }])
  })

  it('answers VAULT_LOCKED for a typed password without IDW_MASTER_KEY, and takes a ${ENV} reference instead', async () => {
    const key = process.env.IDW_MASTER_KEY
    delete process.env.IDW_MASTER_KEY
    const other = await startSourcesEngine('mariadb_nokey')
    try {
      const locked = await other.callError('sources/add', { source: { kind: 'uri', name: 'shop', uri } })
      expect(locked).toMatchObject({
        code: 'VAULT_LOCKED',
        message: expect.stringMatching(/IDW_MASTER_KEY is not set/),
      })
      expect(await other.leftovers('shop')).toEqual([])
      process.env.IDW_TEST_SHOP_PASS = PASSWORD
      const byEnv = `mysql://${remote.user}@${MARIADB.host}:${MARIADB.port}/${remote.database}`
      const added = await other.call<{ tables: string[] }>('sources/add', {
        source: { kind: 'uri', name: 'shop', uri: byEnv, password: '${IDW_TEST_SHOP_PASS}', limitTo: ['penguins'] },
      })
      expect(added.tables).toEqual(['shop.penguins'])
      const [row] = await other.rows<{ secret_refs: unknown }>(
        `SELECT secret_refs FROM idw.sources WHERE name = 'shop'`,
      )
      expect(row?.secret_refs).toEqual({ 'user_mapping.password': 'env:IDW_TEST_SHOP_PASS' })
      const listed = await other.call<{ vault: unknown }>('sources/list', {})
      expect(listed.vault).toEqual({ unlocked: false, reason: expect.stringMatching(/^IDW_MASTER_KEY is not set/) })
      expect(JSON.stringify(other.answers) + other.logLines.join('')).not.toContain(PASSWORD)
    } finally {
      delete process.env.IDW_TEST_SHOP_PASS
      process.env.IDW_MASTER_KEY = key
      await other.close()
    }
  })

  it('never shows a password in an answer, an error or the log', async () => {
    const answered = JSON.stringify(t.answers)
    const logged = t.logLines.join('')
    expect(t.answers.length).toBeGreaterThan(15)
    for (const secret of [PASSWORD, ENCODED, 'not-the-password']) {
      expect(answered).not.toContain(secret)
      expect(logged).not.toContain(secret)
    }
  })
})
