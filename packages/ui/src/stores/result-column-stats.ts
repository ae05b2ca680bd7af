import type { StoreApi } from 'zustand/vanilla'
import type { ColumnStats } from '../components/results/stats/column-stats'
import type { WorkbenchState } from './store-types'

/** The column statistics side panel: which column, and its statistics over the loaded rows. */
export interface ColumnStatsState {
  open: boolean
  /** Column index in the result schema. */
  column: number | null
  /** `loading` covers starting DuckDB-Wasm (first time only) and computing. */
  status: 'idle' | 'loading' | 'ready' | 'failed'
  stats: ColumnStats | null
  error: string | null
  /** Loaded rows the statistics describe. */
  basedOnRows: number
}

/** Statistics panel state under `columnStats`, and its actions. */
export interface ColumnStatsSlice {
  columnStats: ColumnStatsState
  /**
   * Opens the statistics panel on `column` (default: the one shown last, else the first) and computes them
   * with DuckDB-Wasm, which is loaded on first use. Never rejects.
   */
  openColumnStats(column?: number): Promise<void>
  closeColumnStats(): void
  /** Computes the shown column's statistics again over the rows loaded now. */
  refreshColumnStats(): Promise<void>
}

/** The panel before it is opened: no column, no statistics. */
const CLOSED_COLUMN_STATS: ColumnStatsState = {
  open: false,
  column: null,
  status: 'idle',
  stats: null,
  error: null,
  basedOnRows: 0,
}

/** The statistics part of the results slice, plus `reset` for a new result. */
export function createColumnStats(
  set: StoreApi<WorkbenchState>['setState'],
  get: StoreApi<WorkbenchState>['getState'],
): { slice: ColumnStatsSlice; reset(): void } {
  let run = 0

  const compute = async (column: number): Promise<void> => {
    const { result } = get()
    const ticket = ++run
    set({ columnStats: { ...get().columnStats, open: true, column, status: 'loading', error: null } })
    if (result.schema === null) return
    try {
      const { computeColumnStats } = await import('../components/results/stats/column-stats')
      const stats = await computeColumnStats(result.batches, result.schema, column)
      if (ticket !== run) return
      set({ columnStats: { ...get().columnStats, status: 'ready', stats, basedOnRows: result.rowCount } })
    } catch (error) {
      if (ticket !== run) return
      const message = error instanceof Error ? error.message : String(error)
      set({ columnStats: { ...get().columnStats, status: 'failed', stats: null, error: message } })
    }
  }

  const slice: ColumnStatsSlice = {
    columnStats: CLOSED_COLUMN_STATS,
    openColumnStats: (column) => compute(column ?? get().columnStats.column ?? 0),
    closeColumnStats() {
      run += 1
      set({ columnStats: { ...get().columnStats, open: false, status: 'idle' } })
    },
    async refreshColumnStats() {
      const { column, open } = get().columnStats
      if (open && column !== null) await compute(column)
    },
  }

  return {
    slice,
    reset() {
      run += 1
      const { open, column } = get().columnStats
      set({ columnStats: { ...CLOSED_COLUMN_STATS, open, column: open ? column : null } })
    },
  }
}
