import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import pino from 'pino'
import type { ErrorBody } from '../../api/contract/errors.js'
import { Engine } from '../../api/engine.js'
import { toErrorBody } from '../../api/error-body.js'
import { createHubDatabase, type TestHubDatabase } from './pg15-hub.js'

/** An engine on a fresh PG 15 hub database, with its log captured and every API answer kept. */
export interface SourcesEngine {
  engine: Engine
  db: TestHubDatabase
  dataDir: string
  /** Log lines (JSON, debug level and up). */
  logLines: string[]
  /** Every answer and error body of `call` / `callError`. */
  answers: unknown[]
  call<T = Record<string, unknown>>(method: string, input: unknown): Promise<T>
  callError(method: string, input: unknown): Promise<ErrorBody>
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>
  /** Hub objects of a source: foreign server, schemas, record (sorted). */
  leftovers(name: string): Promise<string[]>
  /** Throwaway objects of connection tests still in the hub (none expected). */
  probeLeftovers(): Promise<string[]>
  close(): Promise<void>
}

/**
 * Starts an `Engine` through `Engine.start` on a new database of the PG 15 hub, with a config file holding no
 * source (so no demo) and a fresh data folder (its vault). `IDW_MASTER_KEY` is read from `process.env`.
 */
export async function startSourcesEngine(prefix: string): Promise<SourcesEngine> {
  const db = await createHubDatabase(prefix)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `idw-${prefix}-`))
  const configPath = path.join(dataDir, 'sources.yaml')
  await writeFile(configPath, 'sources: {}\n')
  const logLines: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString())
      done()
    },
  })
  const engine = await Engine.start(
    { hubUrl: db.url, dataDir, configPath, exportDir: path.join(dataDir, 'exports') },
    pino({ level: 'debug' }, sink),
  )
  const answers: unknown[] = []
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.hub.pool.query(sql, params)).rows as T[]
  return {
    engine,
    db,
    dataDir,
    logLines,
    answers,
    async call<T>(method: string, input: unknown): Promise<T> {
      const out = (await engine.router.call(method, input)) as T
      answers.push(out)
      return out
    },
    async callError(method: string, input: unknown): Promise<ErrorBody> {
      try {
        answers.push(await engine.router.call(method, input))
      } catch (err) {
        const body = toErrorBody(err, { error: () => undefined })
        answers.push(body)
        return body
      }
      throw new Error(`${method} succeeded; an error was expected`)
    },
    rows,
    async leftovers(name: string): Promise<string[]> {
      const found = await rows<{ what: string }>(
        `SELECT 'server' AS what FROM pg_foreign_server WHERE srvname = $1
         UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname IN ($1, 'raw_' || $1)
         UNION ALL SELECT 'record' FROM idw.sources WHERE name = $1`,
        [name],
      )
      return found.map((r) => r.what).sort()
    },
    async probeLeftovers(): Promise<string[]> {
      const found = await rows<{ n: string }>(
        `SELECT srvname AS n FROM pg_foreign_server WHERE srvname LIKE 'idw_probe_%'
         UNION ALL SELECT nspname FROM pg_namespace WHERE nspname LIKE '%idw_probe_%'`,
      )
      return found.map((r) => r.n)
    },
    async close() {
      await engine.close()
      await db.drop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
