import type { StoreApi } from 'zustand/vanilla'
import { LocalViewError, computeLocalView } from '../components/results/local-view/compute-local-view'
import { compileFilter } from '../components/results/local-view/filter-constant.utils'
import type { LocalFilter, LocalSort } from '../components/results/local-view/local-view.types'
import type { WorkbenchState } from './store-types'

/**
 * The local view of the loaded rows: filters and a sort applied in the browser to the rows already there
 * (never re-queried), as an index of result rows in display order.
 */
export interface ResultViewState {
  filters: LocalFilter[]
  sort: LocalSort | null
  /** `computing` while the worker builds the index; the previous index stays shown meanwhile. */
  status: 'idle' | 'computing' | 'ready' | 'failed'
  /** Result rows in display order; null = result order, every loaded row. */
  index: Uint32Array | null
  /** Loaded rows the index was built over (rows arriving later are not in it until it is rebuilt). */
  basedOnRows: number
  error: string | null
  /** Time the last index took to build. ms. */
  elapsedMs: number | null
}

/** Local view state under `resultView`, and the local sort/filter actions. */
export interface LocalViewSlice {
  resultView: ResultViewState
  /** Sorts the loaded rows by one column (null: result order). Never rejects. */
  setLocalSort(sort: LocalSort | null): Promise<void>
  /** Cycles a column's local sort: ascending → descending → none. */
  toggleLocalSort(column: number): Promise<void>
  /**
   * Adds a local filter; answers the reason when its value does not fit the column (nothing changes then),
   * else null and the view is rebuilt.
   */
  addLocalFilter(filter: LocalFilter): string | null
  removeLocalFilter(position: number): void
  /** Back to result order with every loaded row. */
  clearLocalView(): void
}

/** No local view: result order, every loaded row. */
const EMPTY_RESULT_VIEW: ResultViewState = {
  filters: [],
  sort: null,
  status: 'idle',
  index: null,
  basedOnRows: 0,
  error: null,
  elapsedMs: null,
}

/** The local view part of the results slice, plus the hooks the stream calls: `reset` and `refresh`. */
export function createLocalView(
  set: StoreApi<WorkbenchState>['setState'],
  get: StoreApi<WorkbenchState>['getState'],
): { slice: LocalViewSlice; reset(): void; refresh(): void } {
  let current: AbortController | null = null

  const apply = async (filters: LocalFilter[], sort: LocalSort | null): Promise<void> => {
    current?.abort()
    current = null
    const { result } = get()
    if ((filters.length === 0 && sort === null) || result.schema === null) {
      set({ resultView: { ...EMPTY_RESULT_VIEW, filters, sort } })
      return
    }
    const run = new AbortController()
    current = run
    const started = performance.now()
    set(({ resultView }) => ({ resultView: { ...resultView, filters, sort, status: 'computing', error: null } }))
    try {
      const index = await computeLocalView(
        result.batches,
        result.schema,
        result.rowCount,
        { filters, sort },
        run.signal,
      )
      if (current !== run) return
      current = null
      set(({ resultView }) => ({
        resultView: {
          ...resultView,
          status: 'ready',
          index,
          basedOnRows: result.rowCount,
          elapsedMs: performance.now() - started,
        },
      }))
    } catch (error) {
      if (current !== run) return
      current = null
      const message = error instanceof LocalViewError || error instanceof Error ? error.message : String(error)
      set(({ resultView }) => ({ resultView: { ...resultView, status: 'failed', error: message } }))
    }
  }

  const slice: LocalViewSlice = {
    resultView: EMPTY_RESULT_VIEW,

    setLocalSort: (sort) => apply(get().resultView.filters, sort),

    toggleLocalSort(column) {
      const { sort, filters } = get().resultView
      if (sort?.column !== column) return apply(filters, { column, direction: 'asc' })
      return apply(filters, sort.direction === 'asc' ? { column, direction: 'desc' } : null)
    },

    addLocalFilter(filter) {
      const type = get().result.schema?.fields[filter.column]?.type
      if (type === undefined) return 'the result has no such column'
      const compiled = compileFilter(filter, type)
      if ('error' in compiled) return compiled.error
      const { filters, sort } = get().resultView
      void apply([...filters, filter], sort)
      return null
    },

    removeLocalFilter(position) {
      const { filters, sort } = get().resultView
      void apply(
        filters.filter((_, at) => at !== position),
        sort,
      )
    },

    clearLocalView() {
      void apply([], null)
    },
  }

  return {
    slice,
    reset() {
      current?.abort()
      current = null
      set({ resultView: EMPTY_RESULT_VIEW })
    },
    refresh() {
      const { resultView, result } = get()
      const active = resultView.filters.length > 0 || resultView.sort !== null
      if (active && resultView.basedOnRows !== result.rowCount) void apply(resultView.filters, resultView.sort)
    },
  }
}
