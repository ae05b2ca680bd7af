import type pg from 'pg'
import { toEngineError } from './pg-errors.js'

const STATEMENT = 'idw_parameter_types'

/**
 * The types the hub infers for the `$1…$n` of `sql` (`format_type` names such as `integer`, `text[]`,
 * `timestamp with time zone`), in parameter order: the statement is prepared with `PREPARE` (parsed and analyzed,
 * never run, no source is contacted) and read back from `pg_prepared_statements`, then deallocated. For a statement
 * built by the query builder, whose values are unknown-typed parameters, this is the type PostgreSQL reads each
 * value as.
 * @throws EngineError `HUB_QUERY_FAILED` (detail: sqlstate, position in `sql`) when the hub rejects the statement,
 *   `HUB_UNAVAILABLE` when it cannot be reached.
 */
export async function describeParameterTypes(pool: pg.Pool, sql: string): Promise<string[]> {
  const prefix = `PREPARE ${STATEMENT} AS `
  const context = { sql, prefixLength: prefix.length, canceledByUs: false, timeoutMs: 0 }
  let client: pg.PoolClient
  try {
    client = await pool.connect()
  } catch (err) {
    throw toEngineError(err, context)
  }
  let prepared = false
  try {
    await client.query(prefix + sql)
    prepared = true
    const { rows } = await client.query<{ types: string[] }>(
      'SELECT parameter_types::text[] AS types FROM pg_catalog.pg_prepared_statements WHERE name = $1',
      [STATEMENT],
    )
    await client.query(`DEALLOCATE ${STATEMENT}`)
    client.release()
    return rows[0]?.types ?? []
  } catch (err) {
    // A statement left prepared would make the next PREPARE on this connection fail: drop the connection instead.
    client.release(prepared ? true : undefined)
    throw toEngineError(err, context)
  }
}
