import { Table } from 'apache-arrow'
import type pg from 'pg'
import { EngineError } from '../src/api/contract/errors.js'
import type { QueryStream } from '../src/exec/index.js'

/** Reads every batch of `stream` into a Table of its schema, and closes the stream (also when reading fails). */
export async function collectTable(stream: QueryStream): Promise<Table> {
  const batches = []
  try {
    for await (const batch of stream.batches()) batches.push(batch)
  } finally {
    await stream.close()
  }
  return new Table(stream.schema, batches)
}

/**
 * The `EngineError` `work` rejects with.
 * @throws an Error when `work` resolves; what `work` rejected with when it is not an `EngineError`.
 */
export async function engineFailure(work: Promise<unknown>): Promise<EngineError> {
  const outcome = await work.then(
    () => new Error('expected the query to fail'),
    (err: unknown) => err,
  )
  if (outcome instanceof EngineError) return outcome
  throw outcome
}

/**
 * How many backends other than the asking one run a statement whose text contains `marker`: polled every 100 ms
 * for up to 5 s until none does (a canceled statement takes a moment to leave `pg_stat_activity`).
 */
export async function statementsRunningWith(pool: pg.Pool, marker: string): Promise<number> {
  let count = -1
  for (let i = 0; i < 50 && count !== 0; i += 1) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 100))
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE strpos(query, $1) > 0 AND state = 'active' AND pid <> pg_backend_pid()",
      [marker],
    )
    count = rows[0]!.n
  }
  return count
}
