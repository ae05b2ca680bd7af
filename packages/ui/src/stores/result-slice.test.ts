import { describe, expect, it, vi } from 'vitest'
import { EngineClientError } from '../client/client-error'
import { DEMO_SQL } from './editor-slice'
import { ScriptedClient, queryStatus } from './testing/scripted-client'
import { createWorkbenchStore } from './workbench-store'

describe('results slice', () => {
  it('streams all batches, runs the editor text without its semicolon and without a row cap', async () => {
    const client = new ScriptedClient({ 'query/status': () => queryStatus({}) })
    const store = createWorkbenchStore(client, { batchFlushMs: 0 })
    await store.getState().runQuery()
    const { result } = store.getState()
    expect(client.queries[0]).toMatchObject({ sql: DEMO_SQL.slice(0, -1), maxRows: null })
    expect(result.arrowBytes).toBeGreaterThan(0)
    expect(result.bytes).toBe(result.arrowBytes)
    expect(result.firstRowsAt).not.toBeNull()
    expect(result.streamOpenedAt).not.toBeNull()
    expect(client.queries[0]!.queryId).toBe(result.queryId)
    expect(result.status).toBe('done')
    expect(result.rowCount).toBe(5)
    expect(result.rowStarts).toEqual([0, 2, 4])
    expect(result.batches).toHaveLength(3)
    expect(result.schema?.fields.map((f) => f.name)).toEqual(['state', 'flights'])
    expect(result.truncated).toBe(false)
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0)
  })

  it('shows the first batch before the stream ends', async () => {
    let release = (): void => undefined
    const client = new ScriptedClient({ 'query/status': () => queryStatus({}) })
    client.gate = new Promise((resolve) => (release = resolve))
    const store = createWorkbenchStore(client, { batchFlushMs: 0 })
    const running = store.getState().runQuery()
    await vi.waitFor(() => expect(store.getState().result.rowCount).toBe(2))
    expect(store.getState().result.status).toBe('running')
    release()
    await running
    expect(store.getState().result.rowCount).toBe(5)
  })

  it('runs the selection with the row cap setting, and Load all re-runs it without a cap', async () => {
    const client = new ScriptedClient({ 'query/status': () => queryStatus({ truncated: true }) })
    const store = createWorkbenchStore(client, { batchFlushMs: 0 })
    store.getState().setGridRowCap(1000)
    expect(store.getState().gridSettings.rowCap).toBe(1000)
    store.getState().setSelection('SELECT * FROM files.airports;')
    await store.getState().runQuery()
    expect(store.getState().result.truncated).toBe(true)
    store.getState().setSelection('')
    await store.getState().loadAllRows()
    expect(client.queries.map((q) => [q.sql, q.maxRows])).toEqual([
      ['SELECT * FROM files.airports', 1000],
      ['SELECT * FROM files.airports', null],
    ])
  })

  it('counts the bytes the transport received when it can tell', async () => {
    const client = new ScriptedClient({ 'query/status': () => queryStatus({}) })
    const open = client.openQuery.bind(client)
    client.openQuery = async (input, signal) => ({ ...(await open(input, signal)), receivedBytes: () => 4242 })
    const store = createWorkbenchStore(client, { batchFlushMs: 0 })
    await store.getState().runQuery()
    expect(store.getState().result.bytes).toBe(4242)
  })

  it('keeps code, message and PostgreSQL detail of a failed query', async () => {
    const client = new ScriptedClient({ 'query/status': () => queryStatus({ state: 'failed' }) })
    client.openError = new EngineClientError('HUB_QUERY_FAILED', 'column "nope" does not exist', {
      sqlstate: '42703',
      position: 8,
    })
    const store = createWorkbenchStore(client)
    await store.getState().runQuery({ sql: 'SELECT nope' })
    expect(store.getState().result.status).toBe('failed')
    expect(store.getState().result.error).toEqual({
      code: 'HUB_QUERY_FAILED',
      message: 'column "nope" does not exist',
      detail: { sqlstate: '42703', position: 8 },
    })
  })

  it('cancels: sends query/cancel with the query id, aborts the stream and keeps the rows shown', async () => {
    const client = new ScriptedClient({ 'query/cancel': () => ({ canceled: true }) })
    client.gate = new Promise(() => undefined)
    const store = createWorkbenchStore(client, { batchFlushMs: 0 })
    const running = store.getState().runQuery()
    await vi.waitFor(() => expect(store.getState().result.rowCount).toBe(2))
    store.getState().cancelQuery()
    await running
    const { result } = store.getState()
    expect(result.status).toBe('canceled')
    expect(result.rowCount).toBe(2)
    expect(client.calls).toEqual([{ method: 'query/cancel', input: { queryId: result.queryId } }])
  })

  it('does not run blank text', async () => {
    const client = new ScriptedClient()
    const store = createWorkbenchStore(client)
    store.getState().setSql('  ;\n')
    await store.getState().runQuery()
    expect(client.queries).toHaveLength(0)
    expect(store.getState().result.status).toBe('idle')
  })
})
