import type { ColumnRefNode, FilterNode, ValueNode } from './filter-nodes.js'

/** The relation a select reads: `"schema"."name"`. */
export interface TableRefNode {
  readonly kind: 'TableRef'
  readonly schema: string
  readonly name: string
}
/** Builds frozen `TableRefNode` values (the compiler relies on nodes never changing). */
export const TableRefNode = {
  create(schema: string, name: string): TableRefNode {
    return Object.freeze({ kind: 'TableRef', schema, name })
  },
}

/** One sort key; `nulls` null leaves PostgreSQL's default (NULLS LAST for ASC, NULLS FIRST for DESC). */
export interface OrderByItemNode {
  readonly kind: 'OrderByItem'
  readonly column: ColumnRefNode
  readonly direction: 'ASC' | 'DESC'
  readonly nulls: 'FIRST' | 'LAST' | null
}
/** Builds frozen `OrderByItemNode` values (the compiler relies on nodes never changing). */
export const OrderByItemNode = {
  create(column: ColumnRefNode, direction: 'ASC' | 'DESC', nulls: 'FIRST' | 'LAST' | null = null): OrderByItemNode {
    return Object.freeze({ kind: 'OrderByItem', column, direction, nulls })
  },
}

/**
 * A single-table select: the root of the tree `compileSelect` turns into SQL.
 *
 * `selections` is never empty: a select without a projection lists every catalog column, so projection and
 * column policies are tree-to-tree transforms on this list. `where` null = every row. `limit`/`offset` are
 * row counts bound as parameters.
 */
export interface SelectNode {
  readonly kind: 'Select'
  readonly from: TableRefNode
  readonly selections: readonly ColumnRefNode[]
  readonly where: FilterNode | null
  readonly orderBy: readonly OrderByItemNode[]
  readonly limit: ValueNode | null
  readonly offset: ValueNode | null
}

/** The fields of a `SelectNode`; optional ones default to none. */
export interface SelectNodeProps {
  readonly from: TableRefNode
  readonly selections: readonly ColumnRefNode[]
  readonly where?: FilterNode | null
  readonly orderBy?: readonly OrderByItemNode[]
  readonly limit?: ValueNode | null
  readonly offset?: ValueNode | null
}
/** Builds frozen `SelectNode` values (the compiler relies on nodes never changing). */
export const SelectNode = {
  /** Builds a frozen select; a transform passes `{ ...node, where: newWhere }`. */
  create(props: SelectNodeProps): SelectNode {
    return Object.freeze({
      kind: 'Select',
      from: props.from,
      selections: Object.freeze([...props.selections]),
      where: props.where ?? null,
      orderBy: Object.freeze([...(props.orderBy ?? [])]),
      limit: props.limit ?? null,
      offset: props.offset ?? null,
    })
  },
}
