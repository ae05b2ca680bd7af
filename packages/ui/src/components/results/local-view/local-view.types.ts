/** Direction of a local sort; NULLs sort as PostgreSQL sorts them: last ascending, first descending. */
export type SortDirection = 'asc' | 'desc'

/** A local sort of the loaded rows by one column (its index in the result schema). */
export interface LocalSort {
  column: number
  direction: SortDirection
}

/** Operators of a local filter; comparisons follow SQL: a NULL value matches none of them. */
export type LocalFilterOp =
  'contains' | 'not_contains' | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'is_null' | 'is_not_null'

/** A local filter on one column: `value` is the text the user typed (unused by `is_null`/`is_not_null`). */
export interface LocalFilter {
  column: number
  op: LocalFilterOp
  value: string
}

/** What the local view of a result is: filters (all must match) and an optional sort. */
export interface LocalViewSpec {
  filters: readonly LocalFilter[]
  sort: LocalSort | null
}

/**
 * One result column flattened over all loaded rows into typed arrays, the form the sort/filter worker reads
 * (the buffers are transferred to it, never turned into JS objects):
 * - `number`: one float64 per row (8/16/32-bit integers, floats, day dates, 32-bit times, booleans as 0/1);
 * - `words`: `stride` little-endian 32-bit words per row, two's complement when `signed` (64-bit integers,
 *   timestamps, millisecond dates, 64-bit times, durations: stride 2; decimals: stride 4 or 8);
 * - `bytes`: UTF-8 text (`utf8`) or binary values as `data[offsets[i]..offsets[i+1])`, ordered bytewise.
 * `nulls[i]` is 1 for SQL NULL; null when the column has none.
 */
export type ColumnKeys =
  | { kind: 'number'; values: Float64Array; nulls: Uint8Array | null }
  | { kind: 'words'; words: Uint32Array; stride: number; signed: boolean; nulls: Uint8Array | null }
  | { kind: 'bytes'; offsets: Uint32Array | Float64Array; data: Uint8Array; utf8: boolean; nulls: Uint8Array | null }

/** The comparison constant of a filter, in its column's key form. */
export type FilterConstant = number | Uint32Array | Uint8Array | string

/**
 * A filter ready for the worker: `test` says how rows are matched:
 * `compare` (`op` against `constant`), `contains`/`not_contains` (case-insensitive text, `constant` lower-cased),
 * `null`/`not_null`, `all`/`none` (decided without looking at rows, e.g. `= 1.5` on an integer column).
 */
export interface CompiledFilter {
  column: number
  test: 'compare' | 'contains' | 'not_contains' | 'null' | 'not_null' | 'all' | 'none'
  op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
  constant: FilterConstant | null
}

/** A request to build the view index: over rows `[0, rowCount)`, with the keys of every column it names. */
export interface ViewIndexRequest {
  rowCount: number
  filters: CompiledFilter[]
  sort: { column: number; direction: SortDirection } | null
  columns: Record<number, ColumnKeys>
}
