import type { SelectSpec } from '@idw/engine/api'
import { filterToObject, objectToFilter } from './filter-state.utils'
import type { FilterGroup, FilterProblem, NewId } from './filter-state.utils'

/** One sort key of the builder. `nulls` absent = PostgreSQL's default (last ascending, first descending). */
export interface SortKey {
  id: string
  column: string
  direction: 'asc' | 'desc'
  nulls?: 'first' | 'last'
}

/** Everything the filter builder edits on one table: the filter tree, the projection, the sort, limit and offset. */
export interface SelectDraft {
  root: FilterGroup
  /** Output columns in order; empty = every column. */
  columns: string[]
  orderBy: SortKey[]
  /** Rows; null = none. */
  limit: number | null
  offset: number | null
}

/** A new draft: no condition, every column, no sort, `limit` rows. */
export function emptyDraft(newId: NewId, limit: number | null = 1000): SelectDraft {
  return {
    root: { kind: 'group', id: newId(), join: 'and', negated: false, items: [] },
    columns: [],
    orderBy: [],
    limit,
    offset: null,
  }
}

/**
 * The `SelectSpec` the engine takes (`query/build`, `table/select`, `plan/explain`): only the parts set; sort keys
 * as `"col"` / `"-col"` unless they name a nulls order.
 */
export function draftToSelect(draft: SelectDraft): SelectSpec {
  const spec: SelectSpec = {}
  const filters = filterToObject(draft.root)
  if (Object.keys(filters).length > 0) spec.filters = filters
  if (draft.columns.length > 0) spec.columns = [...draft.columns]
  const keys = draft.orderBy.filter((key) => key.column !== '')
  if (keys.length > 0) {
    spec.order_by = keys.map((key) =>
      key.nulls === undefined
        ? `${key.direction === 'desc' ? '-' : ''}${key.column}`
        : { column: key.column, direction: key.direction, nulls: key.nulls },
    )
  }
  if (draft.limit !== null) spec.limit = draft.limit
  if (draft.offset !== null) spec.offset = draft.offset
  return spec
}

/**
 * The draft of a select spec as JSON gives it (the inverse of `draftToSelect`); what the builder cannot show is
 * reported in `problems` with its path from the spec's root (`['filters', '$or', 0, 'delay', 'gte']`).
 */
export function selectToDraft(input: unknown, newId: NewId): { draft: SelectDraft; problems: FilterProblem[] } {
  const draft = emptyDraft(newId, null)
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { draft, problems: [{ at: [], message: 'a select is an object: { "filters": …, "limit": … }' }] }
  }
  const spec = input as Record<string, unknown>
  const problems: FilterProblem[] = []
  for (const key of Object.keys(spec)) {
    if (!['filters', 'columns', 'order_by', 'limit', 'offset'].includes(key)) {
      problems.push({ at: [key], message: 'unknown field; accepted: filters, columns, order_by, limit, offset' })
    }
  }
  if (spec.filters !== undefined) {
    const read = objectToFilter(spec.filters, newId, ['filters'])
    draft.root = read.root
    problems.push(...read.problems)
  }
  if (spec.columns !== undefined) {
    if (Array.isArray(spec.columns) && spec.columns.every((name) => typeof name === 'string')) {
      draft.columns = [...(spec.columns as string[])]
    } else problems.push({ at: ['columns'], message: 'columns is a list of column names' })
  }
  if (spec.order_by !== undefined) draft.orderBy = readOrderBy(spec.order_by, newId, problems)
  draft.limit = readRows(spec.limit, 'limit', problems)
  draft.offset = readRows(spec.offset, 'offset', problems)
  return { draft, problems }
}

function readOrderBy(input: unknown, newId: NewId, problems: FilterProblem[]): SortKey[] {
  const keys = Array.isArray(input) ? (input as unknown[]) : [input]
  return keys.flatMap((key, i): SortKey[] => {
    const at = Array.isArray(input) ? ['order_by', i] : ['order_by']
    if (typeof key === 'string' && key !== '' && key !== '-') {
      const desc = key.startsWith('-')
      return [{ id: newId(), column: desc ? key.slice(1) : key, direction: desc ? 'desc' : 'asc' }]
    }
    if (typeof key === 'object' && key !== null && typeof (key as { column?: unknown }).column === 'string') {
      const { column, direction, nulls } = key as { column: string; direction?: unknown; nulls?: unknown }
      const sort: SortKey = { id: newId(), column, direction: direction === 'desc' ? 'desc' : 'asc' }
      if (nulls === 'first' || nulls === 'last') sort.nulls = nulls
      return [sort]
    }
    problems.push({ at, message: 'a sort key is "column", "-column" or { "column", "direction", "nulls" }' })
    return []
  })
}

function readRows(value: unknown, name: string, problems: FilterProblem[]): number | null {
  if (value === undefined) return null
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
  problems.push({ at: [name], message: `${name} is a whole number of rows` })
  return null
}

/**
 * The projection after (un)checking column `name`, in the table's column order; `[]` stands for every column
 * (also when all are checked again). Unchecking the last checked column changes nothing: a select needs one.
 */
export function toggleProjection(chosen: readonly string[], all: readonly string[], name: string): string[] {
  const current = new Set(chosen.length === 0 ? all : chosen)
  if (current.has(name)) current.delete(name)
  else current.add(name)
  const next = all.filter((column) => current.has(column))
  if (next.length === 0) return [...chosen]
  return next.length === all.length ? [] : next
}

/** The sort key with nulls placed `first`, `last`, or by PostgreSQL's default (''). */
export function withNulls(key: SortKey, nulls: string): SortKey {
  const next: SortKey = { ...key }
  if (nulls === 'first' || nulls === 'last') next.nulls = nulls
  else delete next.nulls
  return next
}
