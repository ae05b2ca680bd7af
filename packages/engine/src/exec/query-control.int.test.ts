import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { engineFailure, statementsRunningWith } from '../../test/query-streams.js'
import { useScratchSchema } from '../../test/scratch-schema.js'
import { openQueryStream, type QueryStream, type QueryStreamOptions } from './index.js'

const SCHEMA = `exec_control_${process.pid}`
const pool = useScratchSchema(SCHEMA, {
  maxConnections: 3,
  setup: async (pool) => {
    await pool.query(`CREATE TABLE ${SCHEMA}.t AS SELECT g AS id FROM generate_series(1, 10) AS g`)
  },
})

/** Streams `sql` to the end; returns the batch sizes and the stream. */
async function run(sql: string, options: QueryStreamOptions = {}): Promise<{ sizes: number[]; stream: QueryStream }> {
  const stream = await openQueryStream(pool, sql, options)
  const sizes: number[] = []
  try {
    for await (const batch of stream.batches()) sizes.push(batch.numRows)
  } finally {
    await stream.close()
  }
  return { sizes, stream }
}

describe('streaming', () => {
  it('sends a 1 024-row first batch, then batches of batchRows, with the right total', async () => {
    const { sizes, stream } = await run('SELECT g::int8 AS id, g::text AS label FROM generate_series(1, 250000) AS g')
    expect(sizes).toEqual([1024, 65536, 65536, 65536, 52368])
    expect([stream.rows, stream.truncated]).toEqual([250000, false])
    expect(stream.firstBatchMs).toBeGreaterThan(0)
  })

  it('cuts batches at about 16 MiB of data', async () => {
    const { sizes } = await run("SELECT repeat('x', 1000) AS wide FROM generate_series(1, 40000)")
    expect(sizes.length).toBe(4)
    expect(sizes[0]).toBe(1024)
    expect(sizes.reduce((a, b) => a + b)).toBe(40000)
    expect(Math.max(...sizes)).toBeLessThan(17000)
  })

  it('stops at maxRows and says whether a further row existed', async () => {
    const sql = 'SELECT g FROM generate_series(1, 1000) AS g'
    const capped = await run(sql, { maxRows: 999, batchRows: 400 })
    expect([capped.sizes, capped.stream.rows, capped.stream.truncated]).toEqual([[400, 400, 199], 999, true])
    const exact = await run(sql, { maxRows: 1000 })
    expect([exact.stream.rows, exact.stream.truncated]).toEqual([1000, false])
    expect(pool.idleCount).toBe(pool.totalCount)
  })

  it('handles duplicate column names and results without columns', async () => {
    const stream = await openQueryStream(pool, `SELECT 1 AS a, 'x' AS a, 2, 3 FROM ${SCHEMA}.t LIMIT 2`)
    expect(stream.schema.fields.map((f) => f.name)).toEqual(['a', 'a', '?column?', '?column?'])
    const batch = (await stream.batches().next()).value!
    expect([batch.getChildAt(0)!.get(0), batch.getChildAt(1)!.get(0), batch.getChildAt(3)!.get(1)]).toEqual([1, 'x', 3])
    await stream.close()
    const empty = await run(`SELECT FROM ${SCHEMA}.t`)
    expect([empty.stream.schema.fields.length, empty.stream.rows]).toEqual([0, 10])
  })

  it('runs statements COPY cannot serve as written, in the same READ ONLY transaction', async () => {
    const show = await openQueryStream(pool, 'SHOW statement_timeout;', { timeoutMs: 4000 })
    const batch = (await show.batches().next()).value!
    expect([show.schema.fields[0]!.name, String(show.schema.fields[0]!.type), batch.getChildAt(0)!.get(0)]).toEqual([
      'statement_timeout',
      'Utf8',
      '4s',
    ])
    await show.close()
    const explain = await run(`EXPLAIN SELECT * FROM ${SCHEMA}.t`, { maxRows: 1 })
    expect([explain.stream.rows, explain.stream.truncated]).toEqual([1, false])
    const readOnly = await run('SHOW transaction_read_only')
    expect(readOnly.stream.rows).toBe(1)
  })
})

describe('cancel, timeout and release', () => {
  it('cancels the statement in the hub when the signal aborts', async () => {
    const controller = new AbortController()
    const marker = `sleep_${process.pid}_a`
    const stream = await openQueryStream(pool, `SELECT pg_sleep(30) AS ${marker}`, { signal: controller.signal })
    const started = performance.now()
    setTimeout(() => controller.abort(), 300)
    const err = await engineFailure(stream.batches().next())
    expect([err.code, err.detail?.reason]).toEqual(['QUERY_CANCELED', 'user'])
    expect(performance.now() - started).toBeLessThan(5000)
    expect(await statementsRunningWith(pool, marker)).toBe(0)
  })

  it('cancels a large result mid-stream and refuses an already aborted signal', async () => {
    const controller = new AbortController()
    const marker = `big_${process.pid}`
    const stream = await openQueryStream(pool, `SELECT generate_series(1, 50000000) AS ${marker}`, {
      signal: controller.signal,
      batchRows: 1000,
    })
    const err = await engineFailure(
      (async () => {
        for await (const batch of stream.batches()) if (batch.numRows > 0) controller.abort()
      })(),
    )
    expect(err.code).toBe('QUERY_CANCELED')
    expect(await statementsRunningWith(pool, marker)).toBe(0)
    const aborted = await engineFailure(openQueryStream(pool, 'SELECT 1', { signal: AbortSignal.abort() }))
    expect(aborted.code).toBe('QUERY_CANCELED')
  })

  it('ends the statement and frees the client when the loop stops early or close() is called', async () => {
    const marker = `early_${process.pid}`
    const stream = await openQueryStream(pool, `SELECT generate_series(1, 50000000) AS ${marker}`, {
      batchRows: 1000,
    })
    for await (const batch of stream.batches()) if (batch.numRows > 0) break
    await stream.close()
    expect(await statementsRunningWith(pool, marker)).toBe(0)
    const paused = await openQueryStream(pool, `SELECT generate_series(1, 50000000) AS ${marker}_2`, {
      batchRows: 1000,
    })
    const batches = paused.batches()
    expect((await batches.next()).value?.numRows).toBe(1000)
    await paused.close()
    expect(await statementsRunningWith(pool, `${marker}_2`)).toBe(0)
    expect(await batches.next()).toEqual({ done: true, value: undefined })
    const unread = await openQueryStream(pool, 'SELECT 1')
    await unread.close()
    expect(pool.idleCount).toBe(pool.totalCount)
    expect((await run('SELECT 42 AS answer')).stream.rows).toBe(1)
  })

  it('reports a statement timeout as QUERY_CANCELED with reason statement_timeout', async () => {
    const stream = await openQueryStream(pool, 'SELECT pg_sleep(5)', { timeoutMs: 200 })
    const err = await engineFailure(stream.batches().next())
    expect([err.code, err.detail?.reason]).toEqual(['QUERY_CANCELED', 'statement_timeout'])
    await stream.close()
  })
})

describe('errors', () => {
  it('refuses writes with QUERY_NOT_READ_ONLY and leaves the data unchanged', async () => {
    for (const sql of [
      `INSERT INTO ${SCHEMA}.t VALUES (11)`,
      `WITH gone AS (DELETE FROM ${SCHEMA}.t RETURNING *) SELECT * FROM gone`,
      `CREATE TABLE ${SCHEMA}.u (a int)`,
      `SELECT * FROM ${SCHEMA}.t FOR UPDATE`,
    ]) {
      const err = await engineFailure(run(sql))
      expect([sql, err.code, err.detail?.sqlstate]).toEqual([sql, 'QUERY_NOT_READ_ONLY', '25006'])
    }
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.t`)).rows[0].n).toBe(10)
  })

  it('reports PostgreSQL errors with positions in the user SQL', async () => {
    const unknown = await engineFailure(run(`  SELECT id, nope FROM ${SCHEMA}.t`))
    expect(unknown.toBody()).toEqual({
      code: 'HUB_QUERY_FAILED',
      message: 'column "nope" does not exist',
      detail: { sqlstate: '42703', position: 14 },
    })
    const syntax = await engineFailure(run('SELECT 1 FROM WHERE x'))
    expect([syntax.code, syntax.message, syntax.detail]).toEqual([
      'HUB_QUERY_FAILED',
      'syntax error at or near "WHERE"',
      { sqlstate: '42601', position: 15 },
    ])
    const hint = await engineFailure(run('SELECT lenght($$é$$)'))
    expect([hint.detail?.position, typeof hint.detail?.hint]).toEqual([8, 'string'])
  })

  it('reports errors raised while rows stream and keeps the connection usable', async () => {
    const err = await engineFailure(run('SELECT 1 / (g - 70000) FROM generate_series(1, 100000) AS g'))
    expect([err.code, err.message, err.detail?.sqlstate]).toEqual(['HUB_QUERY_FAILED', 'division by zero', '22012'])
    expect(pool.idleCount).toBe(pool.totalCount)
  })

  it('rejects several statements with BAD_INPUT before reaching the hub', async () => {
    const err = await engineFailure(openQueryStream(pool, 'SELECT 1; DROP SCHEMA public'))
    expect([err.code, err.detail]).toEqual(['BAD_INPUT', { position: 11 }])
    expect((await engineFailure(openQueryStream(pool, 'SELECT 1', { maxRows: 0 }))).code).toBe('BAD_INPUT')
  })

  it('reports an unreachable hub as HUB_UNAVAILABLE', async () => {
    const closed = new pg.Pool({ host: '127.0.0.1', port: 1, user: 'postgres', database: 'postgres' })
    const err = await engineFailure(openQueryStream(closed, 'SELECT 1'))
    expect(err.code).toBe('HUB_UNAVAILABLE')
    await closed.end()
  })
})
