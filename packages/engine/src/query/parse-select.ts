import type { CatalogTable } from '../api/contract/catalog.js'
import { ColumnRefNode, ValueNode, type FilterNode } from './filter-nodes.js'
import { IssueList, type PathSegment } from './issues.js'
import { parseFilterInto } from './parse-filter.js'
import { OrderByItemNode, SelectNode, TableRefNode } from './select-node.js'
import { SelectSpecSchema, type OrderByItem, type SelectSpec } from './select-spec.js'
import { TableColumns } from './table-columns.js'
import { addZodIssues } from './zod-issues.js'

/**
 * Validates a select spec against a table and builds its select tree, ready for transforms and `compileSelect`.
 *
 * The spec is first checked against `SelectSpecSchema` (so a plain JS caller gets the same errors as the
 * API), then every name against the table's columns and every filter value against its column's type.
 * Without `columns` every catalog column is selected, in catalog order; `filters: {}` selects every row.
 * @throws EngineError `BAD_INPUT` listing every problem with its path (`filters.$or[0].origin.in[2]`,
 * `columns[1]`, `order_by[0].column`, `limit`) and what is accepted; `detail.path` is the first one's path.
 */
export function parseSelect(table: CatalogTable, spec: SelectSpec): SelectNode {
  const issues = new IssueList()
  const parsed = SelectSpecSchema.safeParse(spec)
  if (!parsed.success) {
    addZodIssues(parsed.error, [], issues)
    throw issues.toError()
  }
  const { filters, columns, order_by, limit, offset } = parsed.data
  const tableColumns = new TableColumns(table)
  const where = filters === undefined ? undefined : parseFilterInto(filters, tableColumns, ['filters'], issues)
  const selections = parseColumns(columns, tableColumns, issues)
  const orderBy = parseOrderBy(order_by, tableColumns, issues)
  issues.throwIfAny()
  return SelectNode.create({
    from: TableRefNode.create(table.schema, table.name),
    selections,
    where: where === undefined || isEmptyAnd(where) ? null : where,
    orderBy,
    limit: limit === undefined ? null : ValueNode.create(limit),
    offset: offset === undefined ? null : ValueNode.create(offset),
  })
}

function parseColumns(names: readonly string[] | undefined, columns: TableColumns, issues: IssueList): ColumnRefNode[] {
  if (names === undefined) {
    if (columns.table.columns.length === 0) issues.add(['columns'], 'the table has no column to select')
    return columns.table.columns.map((column) => ColumnRefNode.create(column.name))
  }
  const seen = new Set<string>()
  const refs: ColumnRefNode[] = []
  names.forEach((name, i) => {
    if (columns.find(name) === undefined) issues.add(['columns', i], columns.describeUnknown(name))
    else if (seen.has(name)) issues.add(['columns', i], `column ${JSON.stringify(name)} is listed twice`)
    else refs.push(ColumnRefNode.create(name))
    seen.add(name)
  })
  return refs
}

function parseOrderBy(input: SelectSpec['order_by'], columns: TableColumns, issues: IssueList): OrderByItemNode[] {
  if (input === undefined) return []
  const keys = Array.isArray(input)
    ? input.map((key, i) => ({ key, at: ['order_by', i] }))
    : [{ key: input, at: ['order_by'] }]
  const seen = new Set<string>()
  const items: OrderByItemNode[] = []
  for (const { key, at } of keys) {
    const item = typeof key === 'string' ? fromShorthand(key) : key
    const columnAt: PathSegment[] = typeof key === 'string' ? at : [...at, 'column']
    if (columns.find(item.column) === undefined) {
      issues.add(columnAt, columns.describeUnknown(item.column))
    } else if (seen.has(item.column)) {
      issues.add(columnAt, `column ${JSON.stringify(item.column)} is sorted on twice`)
    } else {
      const nulls = item.nulls === undefined ? null : item.nulls === 'first' ? 'FIRST' : 'LAST'
      items.push(
        OrderByItemNode.create(ColumnRefNode.create(item.column), item.direction === 'desc' ? 'DESC' : 'ASC', nulls),
      )
    }
    seen.add(item.column)
  }
  return items
}

/** `"-delay"` → delay descending; `"delay"` → ascending. A name starting with `-` needs the object form. */
function fromShorthand(key: string): OrderByItem {
  return key.startsWith('-') ? { column: key.slice(1), direction: 'desc' } : { column: key }
}

function isEmptyAnd(node: FilterNode): boolean {
  return node.kind === 'And' && node.operands.length === 0
}
