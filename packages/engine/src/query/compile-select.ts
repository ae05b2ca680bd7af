import { EngineError } from '../api/contract/errors.js'
import { createCompiledQuery, type CompiledQuery } from './compiled-query.js'
import type { ColumnRefNode, FilterNode, ValueNode } from './filter-nodes.js'
import { quoteIdentifier } from './quote-identifier.js'
import type { OrderByItemNode, SelectNode } from './select-node.js'

/**
 * Compiles a select tree into parameterized PostgreSQL:
 * `SELECT "a", "b" FROM "schema"."table" WHERE … ORDER BY "a" DESC NULLS LAST LIMIT $n OFFSET $m`.
 *
 * One walk appends text and pushes every `ValueNode` into `parameters`, numbered in text order; no value is
 * ever written into the SQL text, and every name goes through `quoteIdentifier`. `in`/`not_in` lists compile
 * to `= ANY($n::type[])` / `<> ALL($n::type[])`: one parameter whatever the list length (an `IN ($1, $2, …)`
 * list needs one per element, is capped at 65 535 by the wire protocol, and makes each length a new statement
 * text). postgres_fdw ships both forms; with a generic plan it sends `= ANY ($1::integer[])` as one remote
 * parameter where `IN` becomes `ARRAY[$1, $2, …]` (measured on PostgreSQL 15).
 * @throws EngineError `INTERNAL` when `selections` is empty (a transform removed every column).
 */
export function compileSelect(node: SelectNode): CompiledQuery {
  if (node.selections.length === 0) {
    throw new EngineError('INTERNAL', 'a select needs at least one column', {
      table: `${node.from.schema}.${node.from.name}`,
    })
  }
  const writer = new SqlWriter()
  writer.append('SELECT ')
  node.selections.forEach((column, i) => {
    if (i > 0) writer.append(', ')
    writer.appendColumn(column)
  })
  writer.append(` FROM ${quoteIdentifier(node.from.schema)}.${quoteIdentifier(node.from.name)}`)
  if (node.where !== null) {
    writer.append(' WHERE ')
    writer.appendFilter(node.where)
  }
  node.orderBy.forEach((item, i) => {
    writer.append(i === 0 ? ' ORDER BY ' : ', ')
    writer.appendOrderByItem(item)
  })
  if (node.limit !== null) {
    writer.append(' LIMIT ')
    writer.appendValue(node.limit)
  }
  if (node.offset !== null) {
    writer.append(' OFFSET ')
    writer.appendValue(node.offset)
  }
  return writer.toCompiledQuery()
}

/** Accumulates SQL text and the parameters its `$n` placeholders refer to. */
class SqlWriter {
  #sql = ''
  readonly #parameters: unknown[] = []

  append(text: string): void {
    this.#sql += text
  }

  appendColumn(column: ColumnRefNode): void {
    this.append(quoteIdentifier(column.column))
  }

  appendValue(value: ValueNode): void {
    this.#parameters.push(value.value)
    this.append(`$${this.#parameters.length}`)
    if (value.cast !== null) this.append(`::${value.cast}`)
  }

  appendOrderByItem(item: OrderByItemNode): void {
    this.appendColumn(item.column)
    this.append(` ${item.direction}`)
    if (item.nulls !== null) this.append(` NULLS ${item.nulls}`)
  }

  appendFilter(node: FilterNode): void {
    switch (node.kind) {
      case 'Comparison':
        this.appendColumn(node.column)
        this.append(` ${node.op} `)
        this.appendValue(node.value)
        return
      case 'Between':
        this.appendColumn(node.column)
        this.append(' BETWEEN ')
        this.appendValue(node.low)
        this.append(' AND ')
        this.appendValue(node.high)
        return
      case 'InList':
        this.appendColumn(node.column)
        this.append(node.negated ? ' <> ALL(' : ' = ANY(')
        this.appendValue(node.values)
        this.append(')')
        return
      case 'NullCheck':
        this.appendColumn(node.column)
        this.append(node.isNull ? ' IS NULL' : ' IS NOT NULL')
        return
      case 'PatternMatch':
        this.appendColumn(node.column)
        this.append(` ${node.op} `)
        this.appendValue(node.pattern)
        return
      case 'And':
      case 'Or':
        this.appendJunction(node.kind, node.operands)
        return
      case 'Not':
        this.append('NOT (')
        this.appendFilter(node.operand)
        this.append(')')
        return
      default:
        throw unknownNode(node)
    }
  }

  /**
   * Joins operands with AND/OR. A nested junction of the other kind is parenthesized, so grouping never
   * depends on precedence; one of the same kind is not (`a AND (b AND c)` = `a AND b AND c`).
   */
  appendJunction(kind: 'And' | 'Or', operands: readonly FilterNode[]): void {
    if (operands.length === 0) {
      this.append(kind === 'And' ? 'TRUE' : 'FALSE')
      return
    }
    operands.forEach((operand, i) => {
      if (i > 0) this.append(kind === 'And' ? ' AND ' : ' OR ')
      const group = (operand.kind === 'And' || operand.kind === 'Or') && operand.kind !== kind
      if (group) this.append('(')
      this.appendFilter(operand)
      if (group) this.append(')')
    })
  }

  toCompiledQuery(): CompiledQuery {
    return createCompiledQuery(this.#sql, this.#parameters)
  }
}

function unknownNode(node: never): EngineError {
  return new EngineError('INTERNAL', 'the query compiler met a node kind it does not know', {
    kind: (node as { kind?: unknown }).kind,
  })
}
