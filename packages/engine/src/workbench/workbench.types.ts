import type { ForeignScanReport, Plan, PlanWarning } from '../api/contract/plan.js'
import type { FilterInput, SelectSpec } from '../query/index.js'

/**
 * What to read from a table in the library API: the select spec of the JSON API with `orderBy` for `order_by`.
 * - `filters`: a filter object (`{ delay: { gt: 15 }, origin: { in: ['SEA', 'PDX'] } }`); default every row.
 * - `columns`: the projection, in output order; default every column.
 * - `orderBy`: `'delay'`, `'-delay'` (descending), `{ column, direction, nulls }`, or an array of those.
 * - `limit`, `offset`: rows.
 */
export interface TableQuery {
  filters?: FilterInput
  columns?: string[]
  orderBy?: SelectSpec['order_by']
  limit?: number
  offset?: number
}

/** `lazyLoadTable` options: the query, plus how it runs. */
export interface LoadTableOptions extends TableQuery {
  /** Stop after this many rows (the rest is not read from the source); default none. Rows. */
  maxRows?: number | null
  /** Statement timeout, ms (default 300 000; 0 = none). */
  timeoutMs?: number
  /** Aborting cancels the query in the hub (`QUERY_CANCELED`). */
  signal?: AbortSignal
  /** Rows per RecordBatch at most (default 65 536). */
  batchRows?: number
}

/** A statement with its bind parameters, as the seed connector named them: `sql` with `$1…$n`, and `params`. */
export interface SelectQuery {
  sql: string
  params: readonly unknown[]
}

/**
 * `optimizeQuery`'s answer: the statement, what plain EXPLAIN estimates for it, and whether its filter runs at
 * the source.
 */
export interface OptimizedQuery extends SelectQuery {
  /** The plan's total cost (planner cost units; the root's `totalCost`). */
  costEstimate: number | null
  /** Rows the plan expects to return (the root's `planRows`). */
  estimatedRows: number | null
  /**
   * True when the plan reads at least one foreign table and every filter clause is sent to its source (no filter
   * runs in the hub). False for local tables, or when any clause is evaluated in the hub — `foreignScans` says
   * which and why.
   */
  pushDownEligible: boolean
  plan: Plan
  foreignScans: ForeignScanReport[]
  warnings: PlanWarning[]
}
