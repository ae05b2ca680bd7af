import type { QueryStatus, TableSelectInput } from '@idw/engine/api'
import type { RecordBatch, Schema } from 'apache-arrow'
import { statementToRunAt } from '../components/editor/statement-at-cursor.utils'
import { toErrorView } from './error-view'
import type { ErrorView } from './error-view'
import { batchByteLength } from './result-bytes.utils'
import { createColumnStats } from './result-column-stats'
import type { ColumnStatsSlice } from './result-column-stats'
import { flushInterval } from './result-flush.utils'
import { createLocalView } from './result-local-view'
import type { LocalViewSlice } from './result-local-view'
import { newQueryId } from './query-id'
import { readRowCap, writeRowCap } from './result-row-cap'
import type { SliceCreator } from './store-types'

/** The result of the last run, kept as the Arrow RecordBatches that arrived (never as JS row objects). */
export interface ResultState {
  status: 'idle' | 'running' | 'done' | 'failed' | 'canceled'
  queryId: string | null
  /** The statement that ran (the selection or the editor text); `schema.table` for a filter-built select. */
  sql: string
  /** The filter-built select that ran (`table/select`), or null for SQL. */
  table: TableSelectInput | null
  /** Row cap the query ran with; null = none. Rows. */
  maxRows: number | null
  schema: Schema | null
  batches: RecordBatch[]
  /** First row of each batch over the whole result, ascending. */
  rowStarts: number[]
  /** Rows received so far. */
  rowCount: number
  /** Bytes of the Arrow IPC stream received so far (the transport's count, else the Arrow buffers'). */
  bytes: number
  /** Bytes of Arrow buffers the batches hold in memory. */
  arrowBytes: number
  /** `performance.now()` when the run started. ms. */
  startedAt: number | null
  /** `performance.now()` when the stream's schema arrived: the query started returning. ms. */
  streamOpenedAt: number | null
  /** `performance.now()` when the first rows were handed to the grid. ms. */
  firstRowsAt: number | null
  /** Wall time from start to the end of the stream as this UI saw it; null while running. ms. */
  elapsedMs: number | null
  /** What the engine reported after the stream (`query/status`), or null when it could not say. */
  engineStatus: QueryStatus | null
  /** True when the row cap cut the result. */
  truncated: boolean
  error: ErrorView | null
}

/** Grid preferences that outlive a result. */
export interface GridSettings {
  /** Rows a query streams into the grid before stopping; null = no cap (the default). Rows. */
  rowCap: number | null
}

/** Results state (`result`, `gridSettings`, `resultView`, `columnStats`) and the run actions. */
export interface ResultSlice extends LocalViewSlice, ColumnStatsSlice {
  result: ResultState
  gridSettings: GridSettings
  /**
   * Runs the editor's selection (or whole text) with `maxRows` (default: the grid's row cap setting), streaming
   * batches into `result`; `sql` overrides the editor; `table` runs a filter-built select on one table
   * (`table/select`) instead. A run still going is canceled first. Never rejects.
   */
  runQuery(options?: { sql?: string; maxRows?: number | null; table?: TableSelectInput }): Promise<void>
  /** Runs a filter-built select (`{ table, select }`, `table/select`) into `result`: `runQuery` with `table`. */
  runTableSelect(input: TableSelectInput, options?: { maxRows?: number | null }): Promise<void>
  /** Runs the last statement again without a row cap. */
  loadAllRows(): Promise<void>
  /** Cancels the running query (`query/cancel` and aborting the stream); rows already shown stay. */
  cancelQuery(): void
  /** Sets the grid's row cap for the next runs (null = none), remembered in `localStorage`. */
  setGridRowCap(rowCap: number | null): void
}

const EMPTY_RESULT: ResultState = {
  status: 'idle',
  queryId: null,
  sql: '',
  table: null,
  maxRows: null,
  schema: null,
  batches: [],
  rowStarts: [],
  rowCount: 0,
  bytes: 0,
  arrowBytes: 0,
  startedAt: null,
  streamOpenedAt: null,
  firstRowsAt: null,
  elapsedMs: null,
  engineStatus: null,
  truncated: false,
  error: null,
}

interface ActiveRun {
  queryId: string
  controller: AbortController
  receivedBytes: (() => number) | null
}

/**
 * The results slice: runs queries and keeps their batches as they stream in, the grid's row cap setting, the
 * local view (sort/filter of loaded rows) and the column statistics panel.
 */
export const createResultSlice: SliceCreator<ResultSlice> =
  ({ client, options }) =>
  (set, get) => {
    let active: ActiveRun | null = null
    const view = createLocalView(set, get)
    const stats = createColumnStats(set, get)

    const belongsTo = (run: ActiveRun): boolean => get().result.queryId === run.queryId

    const append = (run: ActiveRun, batches: RecordBatch[]): void => {
      if (batches.length === 0 || !belongsTo(run)) return
      set(({ result }) => {
        const rowStarts = [...result.rowStarts]
        let { rowCount, arrowBytes } = result
        for (const batch of batches) {
          rowStarts.push(rowCount)
          rowCount += batch.numRows
          arrowBytes += batchByteLength(batch)
        }
        return {
          result: {
            ...result,
            batches: [...result.batches, ...batches],
            rowStarts,
            rowCount,
            arrowBytes,
            bytes: run.receivedBytes?.() ?? arrowBytes,
            firstRowsAt: result.firstRowsAt ?? performance.now(),
          },
        }
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
      view.refresh()
      const { columnStats } = get()
      if (columnStats.open && columnStats.basedOnRows !== result.rowCount) {
        const columns = result.schema?.fields.length ?? 0
        void get().openColumnStats(columnStats.column !== null && columnStats.column < columns ? columnStats.column : 0)
      }
    }

    return {
      ...view.slice,
      ...stats.slice,
      result: EMPTY_RESULT,
      gridSettings: { rowCap: readRowCap() },

      async runQuery(runOptions = {}) {
        const { editor, gridSettings } = get()
        const table = runOptions.table ?? null
        const sql =
          table === null
            ? (runOptions.sql ?? statementToRunAt(editor.sql, editor.selection, editor.cursorOffset))
            : `${table.table.schema}.${table.table.name}`
        if (sql === '') return
        if (active !== null) get().cancelQuery()
        const maxRows = runOptions.maxRows === undefined ? gridSettings.rowCap : runOptions.maxRows
        const run: ActiveRun = { queryId: newQueryId(), controller: new AbortController(), receivedBytes: null }
        active = run
        view.reset()
        stats.reset()
        set({
          result: {
            ...EMPTY_RESULT,
            status: 'running',
            queryId: run.queryId,
            sql,
            table,
            maxRows,
            startedAt: performance.now(),
          },
        })
        let pending: RecordBatch[] = []
        let lastFlush = 0
        let failure: unknown = undefined
        try {
          const stream =
            table === null
              ? await client.openQuery({ sql, queryId: run.queryId, maxRows }, run.controller.signal)
              : await client.openTableSelect({ ...table, queryId: run.queryId, maxRows }, run.controller.signal)
          run.receivedBytes = stream.receivedBytes ?? null
          if (belongsTo(run)) {
            set(({ result }) => ({ result: { ...result, schema: stream.schema, streamOpenedAt: performance.now() } }))
          }
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

      async runTableSelect(input, runOptions = {}) {
        await get().runQuery({ ...runOptions, table: input })
      },

      async loadAllRows() {
        const { sql, table } = get().result
        if (table !== null) await get().runQuery({ table, maxRows: null })
        else if (sql !== '') await get().runQuery({ sql, maxRows: null })
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
        view.refresh()
      },

      setGridRowCap(rowCap) {
        set({ gridSettings: { rowCap } })
        writeRowCap(rowCap)
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
