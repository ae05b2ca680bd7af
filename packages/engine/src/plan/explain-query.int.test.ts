import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { useScratchSchema } from '../../test/scratch-schema.js'
import { analyzePlan } from './analyze-plan.js'
import { explainQuery } from './explain-query.js'

const SCHEMA = `idw_plan_explain_${process.pid}`
const pool = useScratchSchema(SCHEMA, {
  maxConnections: 1,
  setup: async (pool) => {
    await pool.query(`CREATE TABLE ${SCHEMA}.t AS SELECT g AS id, g % 10 AS k FROM generate_series(1, 1000) g`)
  },
})

async function withClient<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    return await run(client)
  } finally {
    client.release()
  }
}

describe('explainQuery', () => {
  it('returns EXPLAIN JSON without running the query', async () => {
    const raw = await withClient((client) => explainQuery(client, `SELECT k, count(*) FROM ${SCHEMA}.t GROUP BY k;`))
    expect(Array.isArray(raw)).toBe(true)
    const { plan } = analyzePlan(raw)
    expect(plan.analyzed).toBe(false)
    expect(plan.root.nodeType).toBe('Aggregate')
    expect(plan.root.children[0]).toMatchObject({ nodeType: 'Seq Scan', schema: SCHEMA, relation: 't' })
  })

  it('runs the query with ANALYZE and BUFFERS and reports actual rows', async () => {
    const raw = await withClient((client) =>
      explainQuery(client, `SELECT * FROM ${SCHEMA}.t WHERE k = 3`, { analyze: true, buffers: true }),
    )
    const { plan } = analyzePlan(raw)
    expect(plan.analyzed).toBe(true)
    expect(plan.root.actual?.rows).toBe(100)
    expect(plan.root.rowsRemovedByFilter).toBe(900)
    expect(plan.root.buffers).not.toBeNull()
    expect(plan.executionMs).toBeGreaterThan(0)
  })

  it('refuses to write under ANALYZE with QUERY_NOT_READ_ONLY and leaves the table unchanged', async () => {
    await withClient(async (client) => {
      await expect(
        explainQuery(client, `INSERT INTO ${SCHEMA}.t VALUES (0, 0)`, { analyze: true }),
      ).rejects.toMatchObject({ code: 'QUERY_NOT_READ_ONLY', detail: { sqlstate: '25006' } })
      const after = await client.query<{ count: string }>(`SELECT count(*) FROM ${SCHEMA}.t`)
      expect(after.rows[0]?.count).toBe('1000')
      const state = await client.query<{ transaction_read_only: string }>('SHOW transaction_read_only')
      expect(state.rows[0]?.transaction_read_only).toBe('off')
    })
  })

  it('reports PostgreSQL errors with SQLSTATE and a position inside the given SQL', async () => {
    const sql = `SELECT * FROM ${SCHEMA}.missing`
    await expect(withClient((client) => explainQuery(client, sql))).rejects.toMatchObject({
      code: 'HUB_QUERY_FAILED',
      detail: { sqlstate: '42P01', position: sql.indexOf(SCHEMA) + 1 },
    })
  })

  it('refuses a second statement, so nothing can COMMIT out of the READ ONLY transaction', async () => {
    const sql = `SELECT 1; COMMIT; DROP TABLE ${SCHEMA}.t`
    await expect(withClient((client) => explainQuery(client, sql))).rejects.toMatchObject({
      code: 'HUB_QUERY_FAILED',
      detail: { sqlstate: '42601' },
    })
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${SCHEMA}.t`)
    expect(rows[0]?.n).toBe('1000')
  })

  it('binds parameters and plans with their values', async () => {
    const raw = await withClient((client) =>
      explainQuery(client, `SELECT * FROM ${SCHEMA}.t WHERE k = $1`, { analyze: true, parameters: ['3'] }),
    )
    const { plan } = analyzePlan(raw)
    expect(plan.root.filter).toBe('(t.k = 3)')
    expect(plan.root.actual?.rows).toBe(100)
  })

  it('stops an EXPLAIN ANALYZE at its statement timeout', async () => {
    await expect(
      withClient((client) => explainQuery(client, 'SELECT pg_sleep(5)', { analyze: true, timeoutMs: 100 })),
    ).rejects.toMatchObject({ code: 'QUERY_CANCELED', detail: { sqlstate: '57014' } })
  })
})
