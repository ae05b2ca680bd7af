import { appliesTo, classifyColumnType, findColumnOperator, type ColumnFamily } from '@idw/engine/api'

export type { ColumnFamily }

/**
 * The family of a type as `format_type` prints it (`integer`, `numeric(10,2)`, `timestamp(3) with time zone`,
 * `text[]`), classified by the engine's query builder, so the builder offers exactly the operators it accepts.
 */
export function columnFamily(formatType: string): ColumnFamily {
  return classifyColumnType(formatType).family
}

/** How many values an operator takes: one, a `[low, high]` pair, a list, or a true/false flag. */
export type OperatorArity = 'value' | 'pair' | 'list' | 'flag'

/** An operator of the filter language, as the builder offers it. */
export interface OperatorInfo {
  name: string
  /** Short text in the operator select: `=`, `≥`, `between`, `is null`… */
  label: string
  arity: OperatorArity
  /** The kind of operand, for the value widget: equality (null allowed), ordering, text pattern, or none. */
  needs: 'equality' | 'ordering' | 'text' | null
  /** `$`-prefixed Mongo style. */
  mongo: boolean
}

const op = (name: string, label: string, arity: OperatorArity, needs: OperatorInfo['needs']): OperatorInfo => ({
  name,
  label,
  arity,
  needs,
  mongo: name.startsWith('$'),
})

/** Every operator of the filter language (design: plain and Mongo style), in the order the builder lists them. */
export const OPERATORS: readonly OperatorInfo[] = [
  op('eq', '=', 'value', 'equality'),
  op('ne', '≠', 'value', 'equality'),
  op('gt', '>', 'value', 'ordering'),
  op('ge', '≥', 'value', 'ordering'),
  op('lt', '<', 'value', 'ordering'),
  op('le', '≤', 'value', 'ordering'),
  op('between', 'between', 'pair', 'ordering'),
  op('in', 'in', 'list', 'equality'),
  op('not_in', 'not in', 'list', 'equality'),
  op('is_null', 'is null', 'flag', null),
  op('is_not_null', 'is not null', 'flag', null),
  op('like', 'like', 'value', 'text'),
  op('ilike', 'ilike', 'value', 'text'),
  op('$eq', '$eq', 'value', 'equality'),
  op('$ne', '$ne', 'value', 'equality'),
  op('$gt', '$gt', 'value', 'ordering'),
  op('$gte', '$gte', 'value', 'ordering'),
  op('$lt', '$lt', 'value', 'ordering'),
  op('$lte', '$lte', 'value', 'ordering'),
  op('$in', '$in', 'list', 'equality'),
  op('$nin', '$nin', 'list', 'equality'),
  op('$regex', '$regex (POSIX)', 'value', 'text'),
  op('$exists', '$exists', 'flag', null),
]

const BY_NAME: ReadonlyMap<string, OperatorInfo> = new Map(OPERATORS.map((info) => [info.name, info]))

/** The operator named `name` (`gt`, `$gte`…), or undefined. */
export function operatorInfo(name: string): OperatorInfo | undefined {
  return BY_NAME.get(name)
}

/** True when operator `name` applies to a column of `family`, by the engine's rules (ordering, text matching). */
export function operatorApplies(name: string, family: ColumnFamily): boolean {
  const operator = findColumnOperator(name)
  return BY_NAME.has(name) && operator !== undefined && appliesTo(operator, family)
}

/** The operators that apply to `family`, plain ones first. */
export function operatorsFor(family: ColumnFamily): OperatorInfo[] {
  return OPERATORS.filter((info) => operatorApplies(info.name, family))
}

/** The operator a new condition on a column of `family` starts with: `=`, or `is not null` when nothing compares. */
export function defaultOperator(family: ColumnFamily): string {
  return operatorApplies('eq', family) ? 'eq' : 'is_not_null'
}
