import type { Pool, PoolClient } from 'pg'
import { EngineError } from '../api/contract/errors.js'
import type { ForeignScanReport } from '../api/contract/plan.js'
import type { ExplainOutput } from '../api/contract/table.js'
import { encodeParameters } from '../exec/index.js'
import { analyzePlan, explainQuery, type ExplainOptions } from '../plan/index.js'
import { readPlanContext } from './plan-context.js'

/** A statement to explain or run: SQL with `$1…$n` and the JS values bound to them. */
export interface Statement {
  readonly sql: string
  readonly parameters: readonly unknown[]
}

/**
 * EXPLAINs `statement` on the hub (`explainQuery`: VERBOSE, COSTS, SETTINGS, optionally ANALYZE and BUFFERS, in a
 * READ ONLY transaction, parameters bound so the plan and the Remote SQL show their values) and analyzes the plan
 * with this hub's foreign tables, security_barrier views and version (`readPlanContext`): the `plan/explain`
 * answer. With `analyze` the statement runs.
 * @throws EngineError `HUB_UNAVAILABLE`, `HUB_QUERY_FAILED` (sqlstate, position in `statement.sql`),
 *   `QUERY_NOT_READ_ONLY`, `QUERY_CANCELED`, `BAD_INPUT` (empty SQL, a parameter that cannot be sent).
 */
export async function explainStatement(
  pool: Pool,
  statement: Statement,
  options: Omit<ExplainOptions, 'parameters'> = {},
): Promise<ExplainOutput> {
  const parameters = encodeParameters(statement.parameters)
  const [raw, context] = await Promise.all([
    withClient(pool, (client) => explainQuery(client, statement.sql, { ...options, parameters })),
    readPlanContext(pool),
  ])
  return {
    ...analyzePlan(raw, context),
    sql: statement.sql,
    parameters: [...statement.parameters],
    analyzed: options.analyze === true,
  }
}

/**
 * True when at least one Foreign Scan reads a source and no filter clause runs in the hub: every filter of the
 * query was sent to its source (`optimizeQuery`'s `pushDownEligible`).
 */
export function isPushDownEligible(foreignScans: readonly ForeignScanReport[]): boolean {
  return (
    foreignScans.length > 0 &&
    foreignScans.every((scan) => scan.clauses.every((clause) => clause.kind !== 'filter' || clause.pushed))
  )
}

/**
 * Runs `work` on a pooled client. `explainQuery` maps what PostgreSQL answered to an `EngineError`; anything else
 * means the connection failed: the client is destroyed and the error is `HUB_UNAVAILABLE`.
 */
async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient | null = null
  try {
    client = await pool.connect()
    const result = await work(client)
    client.release()
    return result
  } catch (err) {
    if (err instanceof EngineError) {
      client?.release()
      throw err
    }
    client?.release(true)
    const message = `the hub PostgreSQL did not answer: ${(err as Error).message}`
    throw new EngineError('HUB_UNAVAILABLE', message, undefined, { cause: err })
  }
}
