import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { PG15_URL } from '../packages/engine/src/sources/testing/pg15-hub.js'

/** A fresh hub database on the PostgreSQL 15 server (which has mysql_fdw), with a data folder for `idw serve`. */
export interface SourcesHub {
  /** libpq URI of database `idw_e2e_<random>` (superuser; tests only). */
  url: string
  database: string
  /** A fresh data folder, mode 0755: file_fdw reads the demo's airports.csv there as the `postgres` OS user. */
  dataDir: string
  /** Runs SQL on the hub database (e.g. to check what the UI created). */
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>
  /** Drops the database (closing the host's connections) and the data folder. */
  drop(): Promise<void>
}

/** `url` with its database replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG15_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * Creates `idw_e2e_<random>` on the PG 15 server of `IDW_TEST_PG15_URL` (default the machine's
 * `postgresql://postgres@127.0.0.1:5432/postgres`) and a data folder for the web host.
 */
export async function createSourcesHub(): Promise<SourcesHub> {
  const database = `idw_e2e_${randomBytes(4).toString('hex')}`
  await admin((client) => client.query(`CREATE DATABASE ${database}`))
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'idw-e2e-sources-'))
  chmodSync(dataDir, 0o755)
  const url = withDatabase(PG15_URL, database)
  return {
    url,
    database,
    dataDir,
    async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        return (await client.query<T>(sql, params)).rows
      } finally {
        await client.end()
      }
    },
    async drop() {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Rows of `sql` on the demo's remote database `demo_remote` of the same server (the flights' real home). */
export async function demoRemoteRows<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: withDatabase(PG15_URL, 'demo_remote') })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}
