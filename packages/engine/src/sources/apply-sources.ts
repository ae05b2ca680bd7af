import type { Pool, PoolClient } from 'pg'
import pino, { type Logger } from 'pino'
import { EngineError } from '../api/contract/errors.js'
import { planSourceDdl, planSourceRemoval, rawSchemaName } from './ddl-plan.js'
import { fdwAdapter } from './fdw-adapters.js'
import {
  ensureMetadata,
  forgetSource,
  readRecordedNames,
  readRecordedSources,
  recordSource,
  type RecordedSource,
} from './hub-metadata.js'
import { setupError } from './setup-error.js'
import type { SourceConfig, SourcesConfig } from './source-config.js'
import { configHash } from './source-hash.js'
import { quoteQualified } from './sql-quote.js'

/** What applying one source did. `statements` are the DDL run, as displayed (secret values as `'***'`). */
export interface SourceApplyResult {
  name: string
  outcome: 'created' | 'updated' | 'rebuilt' | 'unchanged' | 'removed' | 'failed'
  statements: readonly string[]
  /** Set when `outcome` is `failed`: `FDW_NOT_AVAILABLE` or `SOURCE_SETUP_FAILED`. Nothing of the source changed. */
  error?: EngineError
  /** Wall time of the source's apply, ms. */
  ms: number
}

export interface ApplyOptions {
  /** Sources rebuilt from scratch even when unchanged (`force refresh`). */
  forceRefresh?: readonly string[]
  /** Also remove sources recorded in `idw.sources` that `config` no longer has. Default false. */
  prune?: boolean
  logger?: Logger
}

/** Budget of one `ANALYZE` of a foreign table after (re)creation, ms (older postgres_fdw reads the whole table). */
const ANALYZE_TIMEOUT_MS = 120_000

async function inTransaction(client: PoolClient, name: string, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`idw.sources:${name}`])
    await work()
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  }
}

/** Gives the planner statistics for the new foreign tables; failures (an FDW without ANALYZE) are only logged. */
async function analyzeForeignTables(client: PoolClient, source: string, logger: Logger): Promise<void> {
  const { rows } = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'f'`,
    [rawSchemaName(source)],
  )
  await client.query(`SET statement_timeout = ${ANALYZE_TIMEOUT_MS}`)
  try {
    for (const { relname } of rows) {
      await client
        .query(`ANALYZE ${quoteQualified(rawSchemaName(source), relname)}`)
        .catch((err: Error) =>
          logger.warn(
            { source, table: relname, reason: err.message },
            'could not analyze a foreign table; row estimates stay unknown',
          ),
        )
    }
  } finally {
    await client.query('RESET statement_timeout')
  }
}

interface ApplyContext {
  client: PoolClient
  available: Map<string, boolean>
  major: number
  logger: Logger
}

async function applyOne(
  ctx: ApplyContext,
  source: SourceConfig,
  recorded: RecordedSource | undefined,
  force: boolean,
): Promise<SourceApplyResult> {
  const started = Date.now()
  const existing = recorded?.state ?? null
  const plan = planSourceDdl(source, existing, { forceRefresh: force })
  const hash = configHash(source)
  const done = (outcome: SourceApplyResult['outcome'], error?: EngineError): SourceApplyResult => ({
    name: source.name,
    outcome,
    statements: error ? [] : plan.map((s) => s.display),
    ms: Date.now() - started,
    ...(error ? { error } : {}),
  })
  if (plan.length === 0 && recorded?.configHash === hash) return done('unchanged')
  if (plan.some((s) => s.action === 'create extension') && !ctx.available.get(source.extension)) {
    const pkg = fdwAdapter(source.extension).debianPackage(ctx.major)
    return done(
      'failed',
      new EngineError(
        'FDW_NOT_AVAILABLE',
        `source "${source.name}" needs the ${source.extension} extension, which this hub cannot install: install the ` +
          `${pkg} package on the hub's server (Debian/Ubuntu: apt-get install ${pkg}) and apply again`,
        { source: source.name, extension: source.extension, package: pkg },
      ),
    )
  }
  try {
    await inTransaction(ctx.client, source.name, async () => {
      for (const step of plan) {
        ctx.logger.debug({ source: source.name, sql: step.display }, 'source DDL')
        await ctx.client.query(step.sql).catch((err: unknown) => Promise.reject(setupError(source, step, err)))
      }
      await recordSource(ctx.client, source)
    })
  } catch (err) {
    return done(
      'failed',
      err instanceof EngineError
        ? err
        : new EngineError(
            'SOURCE_SETUP_FAILED',
            `source "${source.name}": ${(err as Error).message}`,
            { source: source.name },
            { cause: err },
          ),
    )
  }
  if (plan.some((s) => s.action === 'create schema')) await analyzeForeignTables(ctx.client, source.name, ctx.logger)
  const rebuilt = plan.some((s) => s.action === 'drop server' || s.action === 'drop schema')
  return done(existing === null ? 'created' : rebuilt ? 'rebuilt' : 'updated')
}

/**
 * Makes the hub hold `config`'s sources, each in its own transaction, touching only what differs (see
 * `planSourceDdl`): applying the same config twice runs no DDL the second time. A source that fails is rolled
 * back whole and reported (`outcome: 'failed'`, `error`), the others are still applied; nothing is thrown for a
 * source. After (re)creating foreign tables it runs `ANALYZE` on them so the catalog and the planner have row
 * estimates.
 * @throws EngineError `HUB_QUERY_FAILED` only when the hub itself cannot be read or the `idw` schema created.
 */
export async function applySources(
  pool: Pool,
  config: SourcesConfig,
  options: ApplyOptions = {},
): Promise<SourceApplyResult[]> {
  const logger = options.logger ?? pino({ enabled: false })
  const force = new Set(options.forceRefresh ?? [])
  const sources = Object.values(config.sources)
  const client = await pool.connect()
  try {
    let ctx: ApplyContext
    let recorded: Map<string, RecordedSource>
    try {
      await ensureMetadata(client)
      recorded = await readRecordedSources(
        client,
        sources.map((s) => s.name),
      )
      const { rows } = await client.query<{ name: string; major: number }>(
        `SELECT e.name, current_setting('server_version_num')::int / 10000 AS major
           FROM (SELECT 1) one LEFT JOIN pg_available_extensions e ON e.name = ANY($1::text[])`,
        [[...new Set(sources.map((s) => s.extension))]],
      )
      ctx = {
        client,
        logger,
        major: rows[0]?.major ?? 0,
        available: new Map(rows.filter((r) => r.name !== null).map((r) => [r.name, true])),
      }
    } catch (err) {
      throw new EngineError(
        'HUB_QUERY_FAILED',
        `could not read the hub's sources: ${(err as Error).message}`,
        undefined,
        { cause: err },
      )
    }
    const results: SourceApplyResult[] = []
    for (const source of sources) {
      const result = await applyOne(ctx, source, recorded.get(source.name), force.has(source.name))
      const log = { source: source.name, outcome: result.outcome, statements: result.statements.length, ms: result.ms }
      if (result.error)
        logger.error({ ...log, code: result.error.code, reason: result.error.message }, 'source not applied')
      else logger.info(log, 'source applied')
      results.push(result)
    }
    if (options.prune) results.push(...(await pruneSources(client, new Set(sources.map((s) => s.name)), logger)))
    return results
  } finally {
    client.release()
  }
}

async function pruneSources(client: PoolClient, keep: Set<string>, logger: Logger): Promise<SourceApplyResult[]> {
  const results: SourceApplyResult[] = []
  for (const name of (await readRecordedNames(client)).filter((n) => !keep.has(n))) {
    const started = Date.now()
    const plan = planSourceRemoval(name)
    await inTransaction(client, name, async () => {
      for (const step of plan) await client.query(step.sql)
      await forgetSource(client, name)
    })
    logger.info({ source: name }, 'source removed')
    results.push({ name, outcome: 'removed', statements: plan.map((s) => s.display), ms: Date.now() - started })
  }
  return results
}
