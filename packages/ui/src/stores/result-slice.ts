import { DEFAULT_GRID_ROW_CAP } from '@idw/engine/api'
import type { QueryStatus } from '@idw/engine/api'
import type { RecordBatch, Schema } from 'apache-arrow'
import { statementToRun } from '../sql/sql-text.utils'
import { toErrorView } from './error-view'
import { flushInterval } from './result-flush.utils'
import type { ErrorView } from './error-view'
import { newQueryId } from './query-id'
import type { SliceCreator } from './store-types'

/** The result of the last run, kept as the Arrow RecordBatches that arrived (never as JS row objects). */
export interface ResultState {
  status: 'idle' | 'running' | 'done' | 'failed' | 'canceled'
  queryId: string | null
  /** The statement that ran (the selection or the editor text). */
  sql: string
  /** Row cap the query ran with; null = none. Rows. */
  maxRows: number | null
  schema: Schema | null
  batches: RecordBatch[]
  /** First row of each batch over the whole result, ascending. */
  rowStarts: number[]
  /** Rows received so far. */
  rowCount: number
  /** `performance.now()` when the run started. ms. */
  startedAt: number | null
  /** Wall time from start to the end of the stream as this UI saw it; null while running. ms. */
  elapsedMs: number | null
  /** What the engine reported after the stream (`query/status`), or null when it could not say. */
  engineStatus: QueryStatus | null
  /** True when the row cap cut the result. */
  truncated: boolean
  error: ErrorView | null
}

export interface ResultSlice {
  result: ResultState
  /**
   * Runs the editor's selection (or whole text) with `maxRows` (default `DEFAULT_GRID_ROW_CAP`), streaming
   * batches into `result`; `sql` overrides the editor. A run still going is canceled first. Never rejects.
   */
  runQuery(options?: { sql?: string; maxRows?: number | null }): Promise<void>
  /** Runs the last statement again without a row cap. */
  loadAllRows(): Promise<void>
  /** Cancels the running query (`query/cancel` and aborting the stream); rows already shown stay. */
  cancelQuery(): void
}

const EMPTY_RESULT: ResultState = {
  status: 'idle',
  queryId: null,
  sql: '',
  maxRows: null,
  schema: null,
  batches: [],
  rowStarts: [],
  rowCount: 0,
  startedAt: null,
  elapsedMs: null,
  engineStatus: null,
  truncated: false,
  error: null,
}

interface ActiveRun {
  queryId: string
  controller: AbortController
}

/** The results slice: runs queries and keeps their batches as they stream in. */
export const createResultSlice: SliceCreator<ResultSlice> =
  ({ client, options }) =>
  (set, get) => {
    let active: ActiveRun | null = null

    const belongsTo = (run: ActiveRun): boolean => get().result.queryId === run.queryId

    const append = (run: ActiveRun, batches: RecordBatch[]): void => {
      if (batches.length === 0 || !belongsTo(run)) return
      set(({ result }) => {
        const rowStarts = [...result.rowStarts]
        let rowCount = result.rowCount
        for (const batch of batches) {
          rowStarts.push(rowCount)
          rowCount += batch.numRows
        }
        return { result: { ...result, batches: [...result.batches, ...batches], rowStarts, rowCount } }
      })
    }

    const finish = async (run: ActiveRun, failure: unknown): Promise<void> => {
      active = null
      const endedAt = performance.now()
      const engineStatus = await client.call('query/status', { queryId: run.queryId }).catch(() => null)
      if (!belongsTo(run)) return
      const { result } = get()
      const error = pickError(failure, engineStatus)
      set({
        result: {
          ...result,
          status: error === null ? 'done' : 'failed',
          elapsedMs: endedAt - (result.startedAt ?? endedAt),
          engineStatus,
          truncated: engineStatus?.truncated ?? (result.maxRows !== null && result.rowCount >= result.maxRows),
          error,
        },
      })
    }

    return {
      result: EMPTY_RESULT,

      async runQuery(runOptions = {}) {
        const { editor } = get()
        const sql = runOptions.sql ?? statementToRun(editor.sql, editor.selection)
        if (sql === '') return
        if (active !== null) get().cancelQuery()
        const maxRows = runOptions.maxRows === undefined ? DEFAULT_GRID_ROW_CAP : runOptions.maxRows
        const run: ActiveRun = { queryId: newQueryId(), controller: new AbortController() }
        active = run
        set({
          result: {
            ...EMPTY_RESULT,
            status: 'running',
            queryId: run.queryId,
            sql,
            maxRows,
            startedAt: performance.now(),
          },
        })
        let pending: RecordBatch[] = []
        let lastFlush = 0
        let failure: unknown = undefined
        try {
          const stream = await client.openQuery({ sql, queryId: run.queryId, maxRows }, run.controller.signal)
          if (belongsTo(run)) set(({ result }) => ({ result: { ...result, schema: stream.schema } }))
          for await (const batch of stream.batches) {
            if (active !== run) break
            pending.push(batch)
            const now = performance.now()
            if (lastFlush === 0 || now - lastFlush >= flushInterval(options.batchFlushMs, get().result.rowCount)) {
              append(run, pending)
              pending = []
              lastFlush = now
            }
          }
        } catch (error) {
          failure = error
        }
        append(run, pending)
        if (active === run) await finish(run, failure)
      },

      async loadAllRows() {
        const { sql } = get().result
        if (sql !== '') await get().runQuery({ sql, maxRows: null })
      },

      cancelQuery() {
        const run = active
        if (run === null) return
        active = null
        void client.call('query/cancel', { queryId: run.queryId }).catch(() => undefined)
        run.controller.abort()
        set(({ result }) => ({
          result: {
            ...result,
            status: 'canceled',
            elapsedMs: performance.now() - (result.startedAt ?? performance.now()),
          },
        }))
      },
    }
  }

/**
 * The error to show after a run: the transport's error when the engine sent one with its detail (SQLSTATE,
 * position, hint); the engine's `query/status` error when the stream merely broke off; null on success.
 */
function pickError(failure: unknown, engineStatus: QueryStatus | null): ErrorView | null {
  const statusError = engineStatus?.state === 'failed' ? engineStatus.error : null
  if (failure === undefined) return statusError
  const view = toErrorView(failure)
  const transportOnly = view.code === 'TRANSPORT_FAILED' || view.code === 'BAD_RESPONSE'
  return transportOnly && statusError !== null ? statusError : view
}
