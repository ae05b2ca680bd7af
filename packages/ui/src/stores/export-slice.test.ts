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

  it('starts a dataset export with its options and lists its files instead of downloading them', async () => {
    const files = ['train', 'validation', 'test'].map((split) => ({
      name: `flights.${split}.parquet`,
      split: split as 'train' | 'validation' | 'test',
      part: null,
      rows: 10,
      bytes: 100,
      sha256: 'ab',
    }))
    const states = [exportJob({ state: 'done', format: 'parquet', rows: 30, files, percent: 100 })]
    const client = new ScriptedClient({
      'export/start': () => exportJob({ format: 'parquet', percent: 0 }),
      'export/status': () => states.shift(),
    })
    const store = createWorkbenchStore(client, { exportPollMs: 1 })
    const split = { key: 'origin', ratios: { train: 0.8, validation: 0.1, test: 0.1 } }
    await store.getState().startDatasetExport({ sql: 'SELECT * FROM flights.flights', format: 'parquet', split })
    expect(client.calls[0]).toEqual({
      method: 'export/start',
      input: { sql: 'SELECT * FROM flights.flights', format: 'parquet', split },
    })
    await vi.waitFor(() => expect(store.getState().exports.status).toBe('done'))
    expect(store.getState().exports.job?.files?.map((file) => file.name)).toEqual([
      'flights.train.parquet',
      'flights.validation.parquet',
      'flights.test.parquet',
    ])
    expect(store.getState().exports.jobs).toHaveLength(1)
    expect(client.downloads).toEqual([])
    await store.getState().downloadExportFile(store.getState().exports.job!, 'flights.test.parquet')
    expect(client.downloads).toEqual(['flights.test.parquet'])
  })

  it('lists the jobs the engine knows on load and follows the running ones', async () => {
    const older = exportJob({ jobId: 'job-0', state: 'done', startedAt: '2024-12-31T00:00:00Z' })
    const runningJob = exportJob({ jobId: 'job-2', startedAt: '2025-01-02T00:00:00Z', rows: 5 })
    const client = new ScriptedClient({
      'export/list': () => ({ jobs: [older, runningJob] }),
      'export/status': () => ({ ...runningJob, state: 'done', rows: 9 }),
    })
    const store = createWorkbenchStore(client, { exportPollMs: 1 })
    await store.getState().loadExportJobs()
    expect(store.getState().exports.jobs.map((job) => job.jobId)).toEqual(['job-2', 'job-0'])
    await vi.waitFor(() => expect(store.getState().exports.jobs[0]).toMatchObject({ state: 'done', rows: 9 }))
    expect(client.calls.filter((call) => call.method === 'export/status')).toEqual([
      { method: 'export/status', input: { jobId: 'job-2' } },
    ])
    store.getState().selectExportJob('job-0')
    expect(store.getState().exports).toMatchObject({ status: 'done', job: { jobId: 'job-0' } })
  })
})
