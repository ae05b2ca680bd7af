import { randomBytes } from 'node:crypto'
import pino from 'pino'
import { startHub, type Hub } from '../../hub/index.js'

/**
 * The PostgreSQL 15 hub of the sources integration tests (with mysql_fdw and ogr_fdw installed, which the
 * embedded PostgreSQL 18 lacks): `IDW_TEST_PG15_URL`, else the machine's PostgreSQL at 127.0.0.1:5432.
 */
export const PG15_URL = process.env.IDW_TEST_PG15_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

const silent = pino({ level: 'silent' })

/** A fresh database on the PG 15 server used as the hub, and how to drop it. */
export interface TestHubDatabase {
  /** libpq URI of the new database (superuser; tests only). */
  url: string
  hub: Hub
  drop(): Promise<void>
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/**
 * Why the PG 15 hub cannot serve these tests (unreachable, or lacking one of `extensions`), or null when it
 * can. The reason is printed by the caller, which skips its tests.
 */
export async function pg15Unavailable(extensions: readonly string[]): Promise<string | null> {
  let admin: Hub | undefined
  try {
    admin = await startHub({ url: PG15_URL, logger: silent })
    const { rows } = await admin.pool.query<{ name: string }>(
      'SELECT name FROM pg_available_extensions WHERE name = ANY($1::text[])',
      [extensions],
    )
    const missing = extensions.filter((e) => !rows.some((r) => r.name === e))
    return missing.length > 0 ? `the PostgreSQL at ${new URL(PG15_URL).host} lacks ${missing.join(', ')}` : null
  } catch (err) {
    return `no PostgreSQL hub at ${new URL(PG15_URL).host} (${(err as Error).message.split('.')[0]}); set IDW_TEST_PG15_URL`
  } finally {
    await admin?.stop()
  }
}

/** Creates database `idw_it_<prefix>_<random>` on the PG 15 server and connects a hub to it. */
export async function createHubDatabase(prefix: string): Promise<TestHubDatabase> {
  const database = `idw_it_${prefix}_${randomBytes(4).toString('hex')}`
  const admin = await startHub({ url: PG15_URL, logger: silent })
  await admin.pool.query(`CREATE DATABASE ${database}`)
  const url = withDatabase(PG15_URL, database)
  const hub = await startHub({ url, logger: silent })
  return {
    url,
    hub,
    drop: async () => {
      await hub.stop()
      await admin.pool.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
      await admin.stop()
    },
  }
}

/** Prints why a test file is skipped (vitest shows skipped tests without a reason). */
export function printSkip(file: string, reason: string): void {
  process.stderr.write(`[skip] ${file}: ${reason}\n`)
}
