import type { CatalogTable } from '../api/contract/catalog.js'
import { describeValue } from './column-values.js'
import { AndNode, NotNode, OrNode, type FilterNode } from './filter-nodes.js'
import { isPlainObject } from './is-plain-object.js'
import { IssueList, isTooDeep, type PathSegment } from './issues.js'
import { findColumnOperator } from './operators.js'
import { parseColumnCondition } from './parse-condition.js'
import { TableColumns } from './table-columns.js'

/**
 * Validates a filter object against a table's columns and builds its filter tree.
 *
 * Shape: `{ <column>: <condition>, $and: [filter…], $or: [filter…], $not: filter }`; the keys of one object
 * are ANDed in order; `{}` is `AndNode([])` (every row). A condition is a value (eq), `null` (IS NULL), or an
 * operator object such as `{ gt: 5 }` or `{ $gte: 5 }`. A `$`-prefixed key is a logical operator unless the
 * table has a column of that name.
 * @throws EngineError `BAD_INPUT` listing every problem found, each with its path from `filters`
 * (`filters.$and[1].delay.$gt`) and what is accepted; `detail.path` is the first problem's path.
 */
export function parseFilter(input: unknown, table: CatalogTable): FilterNode {
  const issues = new IssueList()
  const node = parseFilterInto(input, new TableColumns(table), ['filters'], issues)
  issues.throwIfAny()
  return node ?? AndNode.create([])
}

/** `parseFilter` adding its problems to a shared list, for a caller that checks more than the filter. */
export function parseFilterInto(
  input: unknown,
  columns: TableColumns,
  at: readonly PathSegment[],
  issues: IssueList,
): FilterNode | undefined {
  if (isTooDeep(at, issues)) return undefined
  if (!isPlainObject(input)) {
    issues.add(at, `a filter is an object such as { "delay": { "gt": 10 } }; got ${describeValue(input)}`)
    return undefined
  }
  const nodes: FilterNode[] = []
  let complete = true
  for (const [key, value] of Object.entries(input)) {
    const node = parseEntry(key, value, columns, [...at, key], issues)
    if (node === undefined) complete = false
    else nodes.push(node)
  }
  if (!complete) return undefined
  return nodes.length === 1 ? nodes[0] : AndNode.create(nodes)
}

function parseEntry(
  key: string,
  value: unknown,
  columns: TableColumns,
  at: readonly PathSegment[],
  issues: IssueList,
): FilterNode | undefined {
  const column = columns.find(key)
  if (column !== undefined) return parseColumnCondition(column, value, at, issues)
  if (key === '$and' || key === '$or') return parseJunction(key, value, columns, at, issues)
  if (key === '$not') {
    const operand = parseFilterInto(value, columns, at, issues)
    return operand === undefined ? undefined : NotNode.create(operand)
  }
  issues.add(at, describeUnknownKey(key, columns))
  return undefined
}

function parseJunction(
  key: '$and' | '$or',
  value: unknown,
  columns: TableColumns,
  at: readonly PathSegment[],
  issues: IssueList,
): FilterNode | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    issues.add(at, `${key} takes a non-empty array of filter objects; got ${describeValue(value)}`)
    return undefined
  }
  const operands = value.map((item: unknown, i) => parseFilterInto(item, columns, [...at, i], issues))
  if (operands.some((operand) => operand === undefined)) return undefined
  const valid = operands as FilterNode[]
  if (valid.length === 1) return valid[0]
  return key === '$and' ? AndNode.create(valid) : OrNode.create(valid)
}

const LOGICAL_WORDS: Readonly<Record<string, string>> = { and: '$and', or: '$or', not: '$not' }

function describeUnknownKey(key: string, columns: TableColumns): string {
  const logical = LOGICAL_WORDS[key.toLowerCase()]
  if (logical !== undefined) {
    return `${columns.describeUnknown(key)}. For the logical operator write ${JSON.stringify(logical)}`
  }
  if (findColumnOperator(key) !== undefined) {
    return `${key} is a column operator; put it inside a column: { "<column>": { ${JSON.stringify(key)}: … } }`
  }
  if (key.startsWith('$')) {
    return `unknown logical operator ${JSON.stringify(key)}; accepted: $and, $or, $not (or a column name)`
  }
  return columns.describeUnknown(key)
}
