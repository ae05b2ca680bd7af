import type { Pool, PoolClient } from 'pg'
import pino, { type Logger } from 'pino'
import { EngineError } from '../api/contract/errors.js'
import { planSourceRemoval, rawSchemaName } from './ddl-plan.js'
import { fdwAdapter } from './fdw/index.js'
import {
  ensureMetadata,
  forgetSource,
  readRecordedNames,
  readRecordedSources,
  recordSource,
  type RecordOptions,
  type SourceOrigin,
} from './hub-metadata.js'
import { planSource, readHubFacts, type PlanAction, type PlannedSource } from './plan-sources.js'
import { setupError } from './setup-error.js'
import type { SourcesConfig } from './source-config.js'
import { quoteQualified } from './sql-quote.js'

/**
 * What applying (or planning, with `dryRun`) one source did. `statements` are the DDL run or to run, as
 * displayed (secret values as `'***'`); `changes` say what differs from the hub.
 */
export interface SourceApplyResult {
  name: string
  fdw: string
  location: string | null
  action: PlanAction | 'remove' | 'keep'
  outcome: 'planned' | 'created' | 'updated' | 'rebuilt' | 'unchanged' | 'removed' | 'kept' | 'failed'
  statements: readonly string[]
  changes: readonly string[]
  /** Set when `outcome` is `failed` (`FDW_NOT_AVAILABLE`, `SOURCE_AUTH_FAILED`…). Nothing of the source changed. */
  error?: EngineError
  /** Wall time of the source's apply, ms. */
  ms: number
}

/** How `applySources` runs: forced rebuilds, pruning, dry runs, the origin recorded, and the logger. */
export interface ApplyOptions {
  /** Sources rebuilt from scratch even when unchanged (`force refresh`). */
  forceRefresh?: readonly string[]
  /**
   * Also remove the sources of origin `config` that `config` no longer has. Default false: they are reported
   * with action `keep`. Sources added from the UI (origin `api`) are never pruned.
   */
  prune?: boolean
  /** Plan only: read the hub, run nothing. */
  dryRun?: boolean
  /** Recorded origin of the applied sources; default `config`. */
  origin?: SourceOrigin
  logger?: Logger
}

/** Budget of one `ANALYZE` of a foreign table after (re)creation, ms (older postgres_fdw reads the whole table). */
const ANALYZE_TIMEOUT_MS = 120_000

/** Runs `work` in one transaction holding the source's advisory lock; rolls back on any error. */
export async function inSourceTransaction(client: PoolClient, name: string, work: () => Promise<void>): Promise<void> {
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
export async function analyzeForeignTables(client: PoolClient, source: string, logger: Logger): Promise<void> {
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

/**
 * Runs a planned source in one transaction (its DDL, then its `idw.sources` row), then ANALYZEs new foreign
 * tables (where the adapter allows it). A statement PostgreSQL rejects rolls the whole source back.
 * @throws EngineError classified from the failing statement (`SOURCE_AUTH_FAILED`, `SOURCE_UNREACHABLE`,
 *   `SOURCE_NOT_FOUND`, `SOURCE_OPTION_INVALID`, else `SOURCE_SETUP_FAILED`), secrets masked.
 */
export async function executePlan(
  client: PoolClient,
  plan: PlannedSource,
  record: RecordOptions,
  logger: Logger,
): Promise<void> {
  const { source } = plan
  await inSourceTransaction(client, source.name, async () => {
    for (const step of plan.statements) {
      logger.debug({ source: source.name, sql: step.display }, 'source DDL')
      await client.query(step.sql).catch((err: unknown) => Promise.reject(setupError(source, step, err)))
    }
    await recordSource(client, source, record)
  })
  if (fdwAdapter(source.extension).analyze && plan.statements.some((s) => s.action === 'create schema'))
    await analyzeForeignTables(client, source.name, logger)
}

const DONE: Record<PlanAction, SourceApplyResult['outcome']> = {
  create: 'created',
  update: 'updated',
  rebuild: 'rebuilt',
  none: 'unchanged',
}

async function applyPlanned(
  client: PoolClient,
  plan: PlannedSource,
  options: ApplyOptions,
  logger: Logger,
): Promise<SourceApplyResult> {
  const started = Date.now()
  const { source } = plan
  const result = (outcome: SourceApplyResult['outcome'], error?: EngineError): SourceApplyResult => ({
    name: source.name,
    fdw: source.extension,
    location: fdwAdapter(source.extension).describeLocation(source),
    action: plan.action,
    outcome,
    statements: error ? [] : plan.statements.map((s) => s.display),
    changes: plan.changes,
    ms: Date.now() - started,
    ...(error ? { error } : {}),
  })
  if (plan.error) return result('failed', plan.error)
  if (plan.action === 'none') return result('unchanged')
  if (options.dryRun) return result('planned')
  try {
    await executePlan(client, plan, { origin: options.origin ?? 'config' }, logger)
  } catch (err) {
    if (!(err instanceof EngineError)) throw err
    return result('failed', err)
  }
  return result(DONE[plan.action])
}

/**
 * Makes the hub hold `config`'s sources, each in its own transaction, touching only what differs (see
 * `planSourceDdl`): applying the same config twice runs no DDL the second time. A source that fails is rolled
 * back whole and reported (`outcome: 'failed'`, `error`), the others are still applied; nothing is thrown for a
 * source. With `dryRun` nothing runs: each source answers `planned` (or `unchanged`) with the statements it
 * would run. After (re)creating foreign tables it runs `ANALYZE` on them so the catalog and the planner have
 * row estimates.
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
    let plans: PlannedSource[]
    try {
      await ensureMetadata(client)
      const recorded = await readRecordedSources(
        client,
        sources.map((s) => s.name),
      )
      const hub = await readHubFacts(
        client,
        sources.map((s) => s.extension),
      )
      plans = []
      for (const s of sources) plans.push(await planSource(client, s, recorded.get(s.name), hub, force.has(s.name)))
    } catch (err) {
      if (err instanceof EngineError) throw err
      throw new EngineError(
        'HUB_QUERY_FAILED',
        `could not read the hub's sources: ${(err as Error).message}`,
        undefined,
        { cause: err },
      )
    }
    const results: SourceApplyResult[] = []
    for (const plan of plans) {
      const result = await applyPlanned(client, plan, options, logger)
      const log = { source: result.name, outcome: result.outcome, statements: result.statements.length, ms: result.ms }
      if (result.error)
        logger.error({ ...log, code: result.error.code, reason: result.error.message }, 'source not applied')
      else logger.info(log, options.dryRun ? 'source planned' : 'source applied')
      results.push(result)
    }
    results.push(...(await extraneousSources(client, new Set(sources.map((s) => s.name)), options, logger)))
    return results
  } finally {
    client.release()
  }
}

/** Config sources the hub has but `keep` lacks: removed with `prune` (planned in a dry run), else kept. */
async function extraneousSources(
  client: PoolClient,
  keep: Set<string>,
  options: ApplyOptions,
  logger: Logger,
): Promise<SourceApplyResult[]> {
  const results: SourceApplyResult[] = []
  const recorded = await readRecordedNames(client, 'config')
  const located = await client.query<{ name: string; fdw: string; location: string | null }>(
    'SELECT name, fdw, location FROM idw.sources WHERE name = ANY($1::text[])',
    [recorded],
  )
  for (const { name, fdw, location } of located.rows.filter((r) => !keep.has(r.name))) {
    const started = Date.now()
    const plan = planSourceRemoval(name)
    const base = { name, fdw, location, changes: [], statements: plan.map((s) => s.display) }
    if (!options.prune) {
      results.push({ ...base, action: 'keep', outcome: 'kept', statements: [], ms: 0 })
      continue
    }
    if (!options.dryRun) {
      await inSourceTransaction(client, name, async () => {
        for (const step of plan) await client.query(step.sql)
        await forgetSource(client, name)
      })
      logger.info({ source: name }, 'source removed')
    }
    results.push({
      ...base,
      action: 'remove',
      outcome: options.dryRun ? 'planned' : 'removed',
      ms: Date.now() - started,
    })
  }
  return results
}
