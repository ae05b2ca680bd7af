import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EngineError } from '../../api/contract/errors.js'
import { startHub } from '../index.js'

const logger = pino({ level: 'silent' })
let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'idw-hub-'))
})

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('embedded hub', () => {
  it('initialises, keeps data across a stop and a quick restart', async () => {
    const first = await startHub({ dataDir, logger })
    expect(first.kind).toBe('embedded')
    const status = await first.status()
    expect(status).toMatchObject({
      status: 'ready',
      kind: 'embedded',
      host: '127.0.0.1',
      database: 'postgres',
      dataDir: path.join(dataDir, 'hub'),
      error: null,
    })
    expect(status.version).toMatch(/^18\./)
    expect(status.extensions.filter((e) => e.installedVersion !== null).map((e) => e.name)).toEqual([
      'pgcrypto',
      'pg_stat_statements',
    ])
    expect(status.extensions.find((e) => e.name === 'file_fdw')?.availableVersion).not.toBeNull()
    expect((await first.pool.query(`SHOW shared_preload_libraries`)).rows[0]).toEqual({
      shared_preload_libraries: 'pg_stat_statements',
    })
    expect((await first.pool.query(`SHOW listen_addresses`)).rows[0]).toEqual({ listen_addresses: '127.0.0.1' })
    await first.pool.query(`CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)`)
    await first.stop()
    expect((await first.status()).status).toBe('stopped')
    await expect(stat(path.join(dataDir, 'hub', 'postmaster.pid'))).rejects.toThrow()

    const started = Date.now()
    const second = await startHub({ dataDir, logger })
    const restartMs = Date.now() - started
    try {
      expect(restartMs).toBeLessThan(3_000)
      expect((await second.pool.query('SELECT id FROM kept')).rows).toEqual([{ id: 42 }])
    } finally {
      await second.stop()
    }
  })

  it('stores the superuser password with mode 0600 and requires it (scram-sha-256)', async () => {
    const file = path.join(dataDir, 'hub.password')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const hba = await readFile(path.join(dataDir, 'hub', 'pg_hba.conf'), 'utf8')
    expect(
      hba
        .split('\n')
        .filter((l) => /^(local|host)/.test(l))
        .every((l) => l.trim().endsWith('scram-sha-256')),
    ).toBe(true)
    const hub = await startHub({ dataDir, logger })
    try {
      const params = hub.connectionParams()
      expect(params.password).toBe((await readFile(file, 'utf8')).trim())
      const wrong = hub.openPool('postgres')
      wrong.options.password = 'wrong'
      await expect(wrong.query('SELECT 1')).rejects.toMatchObject({ code: '28P01' })
      await wrong.end()
    } finally {
      await hub.stop()
    }
  })

  it('takes the next free port when the wanted one is busy', async () => {
    const a = await startHub({ dataDir, logger })
    const other = await mkdtemp(path.join(os.tmpdir(), 'idw-hub-b-'))
    try {
      const b = await startHub({ dataDir: other, logger, port: a.connectionParams().port })
      expect(b.connectionParams().port).toBeGreaterThan(a.connectionParams().port)
      await b.stop()
    } finally {
      await a.stop()
      await rm(other, { recursive: true, force: true })
    }
  })

  it('refuses to start a second hub on a data folder whose hub is running', async () => {
    const hub = await startHub({ dataDir, logger })
    try {
      const error = await startHub({ dataDir, logger }).catch((err: unknown) => err)
      expect((error as EngineError).code).toBe('HUB_START_FAILED')
      expect((error as EngineError).message).toMatch(/is already running, started by this engine process/)
      expect((await hub.pool.query('SELECT id FROM kept')).rows).toEqual([{ id: 42 }])
    } finally {
      await hub.stop()
    }
  })

  it('recovers from a crash that left the server killed and a stale postmaster.pid', async () => {
    const hub = await startHub({ dataDir, logger })
    const pid = Number((await readFile(path.join(dataDir, 'hub', 'postmaster.pid'), 'utf8')).split('\n')[0])
    process.kill(pid, 'SIGKILL')
    await hub.pool.end()
    await new Promise((r) => setTimeout(r, 500))
    const again = await startHub({ dataDir, logger })
    try {
      expect((await again.pool.query('SELECT id FROM kept')).rows).toEqual([{ id: 42 }])
    } finally {
      await again.stop()
    }
  })

  it.runIf(process.getuid?.() === 0)('as root, refuses a data folder the postgres user cannot reach', async () => {
    const error = await startHub({ dataDir: '/root/idw-unreachable-test', logger }).catch((err: unknown) => err)
    await rm('/root/idw-unreachable-test', { recursive: true, force: true })
    expect(error).toBeInstanceOf(EngineError)
    expect((error as EngineError).code).toBe('HUB_START_FAILED')
    expect((error as EngineError).message).toMatch(
      /cannot be reached by the system user "postgres".*\/root is not traversable \(mode 0700\)/,
    )
  })
})
