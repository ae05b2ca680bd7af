import { tableToIPC, type Table } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { collectTable, engineFailure, statementsRunningWith } from '../../test/query-streams.js'
import { useScratchSchema } from '../../test/scratch-schema.js'
import { openQueryStream, type QueryStream, type QueryStreamOptions } from './index.js'
import { createEveryTypeTable } from './testing/every-type-table.js'

const SCHEMA = `exec_portal_${process.pid}`
const pool = useScratchSchema(SCHEMA, {
  maxConnections: 4,
  setup: async (pool) => {
    await createEveryTypeTable(pool, SCHEMA)
    await pool.query(`CREATE TABLE ${SCHEMA}.t AS SELECT g AS id FROM generate_series(1, 10) AS g`)
  },
})

async function run(sql: string, options: QueryStreamOptions): Promise<{ table: Table; stream: QueryStream }> {
  const stream = await openQueryStream(pool, sql, options)
  return { table: await collectTable(stream), stream }
}

/** The table as Arrow IPC bytes (schema, metadata and every buffer), so two tables compare byte for byte. */
const jsonSafe = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? String(value) : value)
const ipcBytes = (table: Table): Buffer => Buffer.from(tableToIPC(table, 'stream'))

describe('openQueryStream with parameters (binary portal)', () => {
  it('gives the same Arrow columns, byte for byte, as the COPY path for every type', async () => {
    const sql = `SELECT * FROM ${SCHEMA}.every_type WHERE id >= $1 ORDER BY id`
    const portal = await run(sql, { parameters: [0] })
    const copy = await run(`SELECT * FROM ${SCHEMA}.every_type WHERE id >= 0 ORDER BY id`, {})
    expect(portal.table.numRows).toBe(3)
    expect(portal.table.schema.fields).toHaveLength(31)
    expect(ipcBytes(portal.table).equals(ipcBytes(copy.table))).toBe(true)
    expect(JSON.stringify(portal.table.toArray(), jsonSafe)).toBe(JSON.stringify(copy.table.toArray(), jsonSafe))
    expect(portal.table.getChild('txt')!.get(0)).toBe('Grüße 🌍')
    expect(portal.table.getChild('by')!.get(0)).toEqual(Uint8Array.of(0, 255, 16))
  })

  it('binds every kind of parameter the query builder sends', async () => {
    const sql = `SELECT id FROM ${SCHEMA}.every_type
      WHERE i8 = $1 AND txt = $2 AND b = $3 AND ts = $4 AND id = ANY($5::int4[]) AND atx = $6 AND tstz = $7 AND by = $8`
    const parameters = [
      '9007199254740993',
      'Grüße 🌍',
      true,
      '2024-02-29 12:34:56.123456',
      [1, 2],
      ['a', null, ''],
      new Date('2024-02-29T10:34:56.500Z'),
      Uint8Array.of(0, 255, 16),
    ]
    const { table } = await run(sql, { parameters })
    expect([...table.getChild('id')!]).toEqual([1])
  })

  it('splits a large result into a 1 024-row first batch and batches of batchRows, and caps it at maxRows', async () => {
    const sql = 'SELECT g::int8 AS id, g::text AS label FROM generate_series(1, $1::int) AS g'
    const { table, stream } = await run(sql, { parameters: [250_000] })
    expect(table.batches.map((b) => b.numRows)).toEqual([1024, 65536, 65536, 65536, 52368])
    expect([stream.rows, stream.truncated, table.getChild('label')!.get(249_999)]).toEqual([250_000, false, '250000'])
    const capped = await run(sql, { parameters: [1000], maxRows: 999, batchRows: 400 })
    expect([capped.table.batches.map((b) => b.numRows), capped.stream.truncated]).toEqual([[400, 400, 199], true])
    const exact = await run(sql, { parameters: [1000], maxRows: 1000 })
    expect([exact.stream.rows, exact.stream.truncated]).toEqual([1000, false])
    expect(pool.idleCount).toBe(pool.totalCount)
  })

  it('runs in a READ ONLY transaction and refuses writes', async () => {
    const err = await engineFailure(run(`INSERT INTO ${SCHEMA}.t SELECT $1::int RETURNING id`, { parameters: [11] }))
    expect([err.code, err.detail?.sqlstate]).toEqual(['QUERY_NOT_READ_ONLY', '25006'])
    const { table } = await run('SELECT current_setting($1) AS ro', { parameters: ['transaction_read_only'] })
    expect(table.getChild('ro')!.get(0)).toBe('on')
  })

  it('reports errors raised while rows stream, with positions in the user SQL, and keeps the connection', async () => {
    const division = await engineFailure(
      run('SELECT 1 / (g - $1) FROM generate_series(1, 100000) AS g', { parameters: [70000] }),
    )
    expect([division.code, division.message, division.detail?.sqlstate]).toEqual([
      'HUB_QUERY_FAILED',
      'division by zero',
      '22012',
    ])
    const unknown = await engineFailure(run(`SELECT nope FROM ${SCHEMA}.t WHERE id = $1`, { parameters: [1] }))
    expect(unknown.detail).toEqual({ sqlstate: '42703', position: 8 })
    const badValue = await engineFailure(run(`SELECT id FROM ${SCHEMA}.t WHERE id = $1`, { parameters: ['x'] }))
    expect([badValue.code, badValue.detail?.sqlstate]).toEqual(['HUB_QUERY_FAILED', '22P02'])
    expect(pool.idleCount).toBe(pool.totalCount)
    expect((await run(`SELECT id FROM ${SCHEMA}.t WHERE id = $1`, { parameters: [3] })).table.numRows).toBe(1)
  })

  it('cancels in the hub when the signal aborts, and reports a statement timeout', async () => {
    const controller = new AbortController()
    const stream = await openQueryStream(pool, 'SELECT generate_series(1, $1::int8) AS big', {
      parameters: [50_000_000],
      signal: controller.signal,
      batchRows: 1000,
    })
    const canceled = await engineFailure(
      (async () => {
        for await (const batch of stream.batches()) if (batch.numRows > 0) controller.abort()
      })(),
    )
    expect([canceled.code, canceled.detail?.reason]).toEqual(['QUERY_CANCELED', 'user'])
    expect(await statementsRunningWith(pool, 'generate_series(1, $1::int8) AS big')).toBe(0)
    const slow = await openQueryStream(pool, 'SELECT pg_sleep($1)', { parameters: [5], timeoutMs: 200 })
    const timeout = await engineFailure(slow.batches().next())
    expect([timeout.code, timeout.detail?.reason]).toEqual(['QUERY_CANCELED', 'statement_timeout'])
    await slow.close()
  })

  it('frees the client when the loop stops early or close() is called', async () => {
    const sql = 'SELECT generate_series(1, $1::int8) AS n'
    const stream = await openQueryStream(pool, sql, { parameters: [50_000_000], batchRows: 1000 })
    for await (const batch of stream.batches()) if (batch.numRows > 0) break
    await stream.close()
    const paused = await openQueryStream(pool, sql, { parameters: [50_000_000], batchRows: 1000 })
    const batches = paused.batches()
    expect((await batches.next()).value?.numRows).toBe(1000)
    await paused.close()
    expect(await batches.next()).toEqual({ done: true, value: undefined })
    expect(await statementsRunningWith(pool, 'generate_series(1, $1::int8) AS n')).toBe(0)
    expect(pool.idleCount).toBe(pool.totalCount)
  })

  it('runs statements COPY cannot serve as written, with their parameters', async () => {
    const { table } = await run('EXPLAIN SELECT * FROM generate_series(1, $1::int)', { parameters: [5] })
    expect(String(table.getChildAt(0)!.get(0))).toContain('Function Scan')
  })
})
