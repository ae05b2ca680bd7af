import type { ExportJob } from '@idw/engine/api'
import { describe, expect, it, vi } from 'vitest'
import { EngineClientError } from '../client/client-error'
import { DEMO_SQL } from './editor-slice'
import { ScriptedClient, exportJob } from './testing/scripted-client'
import { createWorkbenchStore } from './workbench-store'

describe('export slice', () => {
  it('polls a running export until done, then downloads its file', async () => {
    const states: ExportJob[] = [exportJob({ rows: 2, bytes: 40 }), exportJob({ state: 'done', rows: 5, bytes: 90 })]
    const client = new ScriptedClient({
      'export/start': () => exportJob({}),
      'export/status': () => states.shift(),
    })
    const store = createWorkbenchStore(client, { exportPollMs: 1 })
    await store.getState().startExport('csv')
    expect(client.calls[0]).toEqual({ method: 'export/start', input: { sql: DEMO_SQL.slice(0, -1), format: 'csv' } })
    await vi.waitFor(() => expect(store.getState().exports.status).toBe('done'))
    expect(store.getState().exports.job).toMatchObject({ rows: 5, bytes: 90 })
    expect(client.methods()).toEqual(['export/start', 'export/status', 'export/status'])
    await vi.waitFor(() => expect(client.downloads).toEqual(['export-1.csv']))
  })

  it('cancels a running export', async () => {
    const client = new ScriptedClient({
      'export/start': () => exportJob({}),
      'export/status': () => exportJob({ rows: 1 }),
      'export/cancel': () => exportJob({ state: 'canceled' }),
    })
    const store = createWorkbenchStore(client, { exportPollMs: 60_000 })
    await store.getState().startExport('parquet')
    await store.getState().cancelExport()
    expect(store.getState().exports.status).toBe('canceled')
    expect(client.calls.at(-1)).toEqual({ method: 'export/cancel', input: { jobId: 'job-1' } })
    expect(client.downloads).toEqual([])
  })

  it('shows a failed job with its error', async () => {
    const client = new ScriptedClient({
      'export/start': () => exportJob({ state: 'failed', error: { code: 'EXPORT_FAILED', message: 'disk full' } }),
    })
    const store = createWorkbenchStore(client)
    await store.getState().startExport('csv')
    expect(store.getState().exports).toMatchObject({
      status: 'failed',
      error: { code: 'EXPORT_FAILED', message: 'disk full' },
    })
  })

  it('shows why export/start was refused', async () => {
    const client = new ScriptedClient({
      'export/start': () => {
        throw new EngineClientError('BAD_INPUT', 'sql is empty')
      },
    })
    const store = createWorkbenchStore(client)
    await store.getState().startExport('csv')
    expect(store.getState().exports).toMatchObject({
      status: 'failed',
      error: { code: 'BAD_INPUT', message: 'sql is empty' },
    })
  })
})
