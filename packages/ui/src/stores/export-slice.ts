import type { ExportFormat, ExportJob } from '@idw/engine/api'
import { statementToRun } from '../sql/sql-text.utils'
import { toErrorView } from './error-view'
import type { ErrorView } from './error-view'
import type { SliceCreator } from './store-types'

/** The current export job as the export controls show it. */
export interface ExportState {
  /** `starting` until `export/start` answers, then the job's own state. */
  status: 'idle' | 'starting' | 'running' | 'done' | 'failed' | 'canceled'
  format: ExportFormat | null
  /** Last known job (rows and bytes written, file name), or null before the engine answered. */
  job: ExportJob | null
  error: ErrorView | null
}

export interface ExportSlice {
  exports: ExportState
  /**
   * Exports the editor's selection (or whole text) as `format`: `export/start`, then `export/status` every
   * `exportPollMs` until the job ends; a `done` job's file is downloaded. Never rejects.
   */
  startExport(format: ExportFormat): Promise<void>
  /** Asks the engine to cancel the running export (`export/cancel`). Never rejects. */
  cancelExport(): Promise<void>
}

/** The exports slice: one export job at a time, polled until it ends, then downloaded. */
export const createExportSlice: SliceCreator<ExportSlice> =
  ({ client, options }) =>
  (set, get) => {
    let currentJobId: string | null = null
    let timer: ReturnType<typeof setTimeout> | null = null

    const stopPolling = (): void => {
      if (timer !== null) clearTimeout(timer)
      timer = null
    }

    const fail = (jobId: string | null, error: unknown): void => {
      if (jobId !== currentJobId) return
      stopPolling()
      set(({ exports }) => ({ exports: { ...exports, status: 'failed', error: toErrorView(error) } }))
    }

    const apply = (job: ExportJob): void => {
      if (job.jobId !== currentJobId) return
      const error = job.state === 'failed' && job.error ? { code: job.error.code, message: job.error.message } : null
      set(({ exports }) => ({ exports: { ...exports, status: job.state, job, error } }))
      stopPolling()
      if (job.state === 'running') timer = setTimeout(() => void poll(job.jobId), options.exportPollMs)
      if (job.state === 'done') client.downloadExport(job).catch((reason: unknown) => fail(job.jobId, reason))
    }

    const poll = async (jobId: string): Promise<void> => {
      timer = null
      try {
        apply(await client.call('export/status', { jobId }))
      } catch (error) {
        fail(jobId, error)
      }
    }

    return {
      exports: { status: 'idle', format: null, job: null, error: null },

      async startExport(format) {
        const { editor } = get()
        const sql = statementToRun(editor.sql, editor.selection)
        if (sql === '') return
        stopPolling()
        currentJobId = null
        set({ exports: { status: 'starting', format, job: null, error: null } })
        try {
          const job = await client.call('export/start', { sql, format })
          currentJobId = job.jobId
          apply(job)
        } catch (error) {
          if (currentJobId === null && get().exports.status === 'starting') fail(null, error)
        }
      },

      async cancelExport() {
        const jobId = currentJobId
        if (jobId === null || get().exports.status !== 'running') return
        stopPolling()
        try {
          apply(await client.call('export/cancel', { jobId }))
        } catch (error) {
          fail(jobId, error)
        }
      },
    }
  }
