import type { ColumnKeys, CompiledFilter, FilterConstant, ViewIndexRequest } from './local-view.types'

/** Compares two values of one key column: negative, 0 or positive; NULLs are not passed here. */
type RowCompare = (a: number, b: number) => number

/** a <=> b for float keys, NaN above every number (as PostgreSQL orders float8). */
function compareNumbers(a: number, b: number): number {
  if (a < b) return -1
  if (a > b) return 1
  if (a === b) return 0
  return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1
}

/** a <=> b for `stride` little-endian words at `ia` in `a` and `ib` in `b`; the top word signed when `signed`. */
function compareWords(a: Uint32Array, ia: number, b: Uint32Array, ib: number, stride: number, signed: boolean): number {
  const top = stride - 1
  const x = signed ? a[ia + top]! | 0 : a[ia + top]!
  const y = signed ? b[ib + top]! | 0 : b[ib + top]!
  if (x !== y) return x < y ? -1 : 1
  for (let w = top - 1; w >= 0; w--) {
    const p = a[ia + w]!
    const q = b[ib + w]!
    if (p !== q) return p < q ? -1 : 1
  }
  return 0
}

/** a <=> b bytewise (for UTF-8 this is code point order, PostgreSQL's "C" collation); a prefix sorts first. */
function compareBytes(a: Uint8Array, a0: number, a1: number, b: Uint8Array, b0: number, b1: number): number {
  const length = Math.min(a1 - a0, b1 - b0)
  for (let i = 0; i < length; i++) {
    const p = a[a0 + i]!
    const q = b[b0 + i]!
    if (p !== q) return p < q ? -1 : 1
  }
  return a1 - a0 - (b1 - b0)
}

/** Row-against-row comparison of a key column (both rows non-NULL). */
function rowCompare(keys: ColumnKeys): RowCompare {
  if (keys.kind === 'number') {
    const values = keys.values
    return (a, b) => compareNumbers(values[a]!, values[b]!)
  }
  if (keys.kind === 'words') {
    const { words, stride, signed } = keys
    return (a, b) => compareWords(words, a * stride, words, b * stride, stride, signed)
  }
  const { offsets, data } = keys
  return (a, b) => compareBytes(data, offsets[a]!, offsets[a + 1]!, data, offsets[b]!, offsets[b + 1]!)
}

/** Row-against-constant comparison of a key column (row non-NULL). */
function constantCompare(keys: ColumnKeys, constant: FilterConstant): (row: number) => number {
  if (keys.kind === 'number') {
    const values = keys.values
    const value = constant as number
    return (row) => compareNumbers(values[row]!, value)
  }
  if (keys.kind === 'words') {
    const { words, stride, signed } = keys
    const value = constant as Uint32Array
    return (row) => compareWords(words, row * stride, value, 0, stride, signed)
  }
  const { offsets, data } = keys
  const value = constant as Uint8Array
  return (row) => compareBytes(data, offsets[row]!, offsets[row + 1]!, value, 0, value.length)
}

const OPERATOR_TESTS = {
  eq: (c: number) => c === 0,
  ne: (c: number) => c !== 0,
  lt: (c: number) => c < 0,
  le: (c: number) => c <= 0,
  gt: (c: number) => c > 0,
  ge: (c: number) => c >= 0,
} as const

/** The row predicate of one compiled filter over its column's keys; NULL rows match only `null`. */
function filterPredicate(filter: CompiledFilter, keys: ColumnKeys): (row: number) => boolean {
  const nulls = keys.nulls
  const isNull = (row: number): boolean => nulls !== null && nulls[row] === 1
  switch (filter.test) {
    case 'all':
      return () => true
    case 'none':
      return () => false
    case 'null':
      return isNull
    case 'not_null':
      return (row) => !isNull(row)
    case 'contains':
    case 'not_contains': {
      if (keys.kind !== 'bytes') return () => false
      const { offsets, data } = keys
      const needle = String(filter.constant)
      const decoder = new TextDecoder()
      const wanted = filter.test === 'contains'
      return (row) =>
        !isNull(row) &&
        decoder
          .decode(data.subarray(offsets[row]!, offsets[row + 1]!))
          .toLowerCase()
          .includes(needle) === wanted
    }
    case 'compare': {
      const compare = constantCompare(keys, filter.constant ?? 0)
      const test = OPERATOR_TESTS[filter.op]
      return (row) => !isNull(row) && test(compare(row))
    }
  }
}

/**
 * The local view of loaded rows: the result rows (0-based) that pass every filter, in sort order.
 *
 * Sorting is stable (ties keep result order) and puts NULLs last ascending, first descending, as PostgreSQL
 * does by default. Identity order without a sort. Runs in O(n log n) in the worker; `request.columns` must hold
 * the keys of every filtered or sorted column.
 * @throws Error when a named column has no keys (a wiring bug).
 */
export function buildViewIndex(request: ViewIndexRequest): Uint32Array {
  const { rowCount, filters, sort } = request
  const keysOf = (column: number): ColumnKeys => {
    const keys = request.columns[column]
    if (keys === undefined) throw new Error(`no keys for column ${column}`)
    return keys
  }
  let rows: Uint32Array
  if (filters.length === 0) {
    rows = new Uint32Array(rowCount)
    for (let i = 0; i < rowCount; i++) rows[i] = i
  } else {
    const predicates = filters.map((filter) => filterPredicate(filter, keysOf(filter.column)))
    const kept = new Uint32Array(rowCount)
    let count = 0
    for (let row = 0; row < rowCount; row++) if (predicates.every((test) => test(row))) kept[count++] = row
    rows = kept.slice(0, count)
  }
  if (sort === null) return rows
  const keys = keysOf(sort.column)
  const compare = rowCompare(keys)
  const nulls = keys.nulls
  const sign = sort.direction === 'asc' ? 1 : -1
  return rows.sort((a, b) => {
    const nullA = nulls !== null && nulls[a] === 1
    const nullB = nulls !== null && nulls[b] === 1
    const order = nullA || nullB ? (nullA === nullB ? 0 : nullA ? 1 : -1) : compare(a, b)
    return order === 0 ? a - b : sign * order
  })
}
