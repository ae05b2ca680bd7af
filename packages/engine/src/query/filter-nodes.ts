/**
 * The filter part of the select tree: small frozen nodes built by `parseFilter` and walked by `compileSelect`.
 *
 * Nodes hold names and values, never SQL text: the compiler quotes every name and turns every `ValueNode` into
 * a `$n` parameter. Transforms (policies, projections) build new nodes with these `create` helpers instead of
 * mutating; every node and every array in it is frozen.
 */

/** Base types the compiler may write as a cast (`$1::int4[]`); a fixed list, so no catalog text reaches the SQL. */
export type ScalarCast =
  | 'int2'
  | 'int4'
  | 'int8'
  | 'numeric'
  | 'float4'
  | 'float8'
  | 'text'
  | 'bpchar'
  | 'name'
  | 'bool'
  | 'date'
  | 'timestamp'
  | 'timestamptz'
  | 'time'
  | 'timetz'
  | 'interval'
  | 'uuid'

/** A cast the compiler appends to a parameter: a base type or an array of one. */
export type SqlCast = ScalarCast | `${ScalarCast}[]`

/** A column of the queried table by its exact catalog name. */
export interface ColumnRefNode {
  readonly kind: 'ColumnRef'
  readonly column: string
}
/** Builds frozen `ColumnRefNode` values (the compiler relies on nodes never changing). */
export const ColumnRefNode = {
  create(column: string): ColumnRefNode {
    return Object.freeze({ kind: 'ColumnRef', column })
  },
}

/** A bound value: always compiled to a `$n` parameter, with `::cast` appended when `cast` is set. */
export interface ValueNode {
  readonly kind: 'Value'
  readonly value: unknown
  readonly cast: SqlCast | null
}
/** Builds frozen `ValueNode` values (the compiler relies on nodes never changing). */
export const ValueNode = {
  /** Arrays (the lists of `in`) are copied and frozen. */
  create(value: unknown, cast: SqlCast | null = null): ValueNode {
    const frozen = Array.isArray(value) ? Object.freeze([...value]) : value
    return Object.freeze({ kind: 'Value', value: frozen, cast })
  },
}

/** SQL comparison operators of `ComparisonNode`. */
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>='

/** `column <op> $n`. */
export interface ComparisonNode {
  readonly kind: 'Comparison'
  readonly column: ColumnRefNode
  readonly op: ComparisonOperator
  readonly value: ValueNode
}
/** Builds frozen `ComparisonNode` values (the compiler relies on nodes never changing). */
export const ComparisonNode = {
  create(column: ColumnRefNode, op: ComparisonOperator, value: ValueNode): ComparisonNode {
    return Object.freeze({ kind: 'Comparison', column, op, value })
  },
}

/** `column BETWEEN $low AND $high` (both ends included). */
export interface BetweenNode {
  readonly kind: 'Between'
  readonly column: ColumnRefNode
  readonly low: ValueNode
  readonly high: ValueNode
}
/** Builds frozen `BetweenNode` values (the compiler relies on nodes never changing). */
export const BetweenNode = {
  create(column: ColumnRefNode, low: ValueNode, high: ValueNode): BetweenNode {
    return Object.freeze({ kind: 'Between', column, low, high })
  },
}

/** `column = ANY($n)`, or `column <> ALL($n)` when `negated`; `values` holds one array value. */
export interface InListNode {
  readonly kind: 'InList'
  readonly column: ColumnRefNode
  readonly values: ValueNode
  readonly negated: boolean
}
/** Builds frozen `InListNode` values (the compiler relies on nodes never changing). */
export const InListNode = {
  create(column: ColumnRefNode, values: ValueNode, negated: boolean): InListNode {
    return Object.freeze({ kind: 'InList', column, values, negated })
  },
}

/** `column IS NULL`, or `column IS NOT NULL` when `isNull` is false. */
export interface NullCheckNode {
  readonly kind: 'NullCheck'
  readonly column: ColumnRefNode
  readonly isNull: boolean
}
/** Builds frozen `NullCheckNode` values (the compiler relies on nodes never changing). */
export const NullCheckNode = {
  create(column: ColumnRefNode, isNull: boolean): NullCheckNode {
    return Object.freeze({ kind: 'NullCheck', column, isNull })
  },
}

/** Pattern operators: LIKE/ILIKE patterns (`%`, `_`, `\` escapes) and POSIX regular expressions (`~`, `~*`). */
export type PatternOperator = 'LIKE' | 'ILIKE' | '~' | '~*'

/** `column <LIKE|ILIKE|~|~*> $n`. */
export interface PatternMatchNode {
  readonly kind: 'PatternMatch'
  readonly column: ColumnRefNode
  readonly op: PatternOperator
  readonly pattern: ValueNode
}
/** Builds frozen `PatternMatchNode` values (the compiler relies on nodes never changing). */
export const PatternMatchNode = {
  create(column: ColumnRefNode, op: PatternOperator, pattern: ValueNode): PatternMatchNode {
    return Object.freeze({ kind: 'PatternMatch', column, op, pattern })
  },
}

/** All operands hold; no operands compiles to `TRUE`. */
export interface AndNode {
  readonly kind: 'And'
  readonly operands: readonly FilterNode[]
}
/** Builds frozen `AndNode` values (the compiler relies on nodes never changing). */
export const AndNode = {
  create(operands: readonly FilterNode[]): AndNode {
    return Object.freeze({ kind: 'And', operands: Object.freeze([...operands]) })
  },
}

/** At least one operand holds; no operands compiles to `FALSE`. */
export interface OrNode {
  readonly kind: 'Or'
  readonly operands: readonly FilterNode[]
}
/** Builds frozen `OrNode` values (the compiler relies on nodes never changing). */
export const OrNode = {
  create(operands: readonly FilterNode[]): OrNode {
    return Object.freeze({ kind: 'Or', operands: Object.freeze([...operands]) })
  },
}

/** `NOT (operand)`. */
export interface NotNode {
  readonly kind: 'Not'
  readonly operand: FilterNode
}
/** Builds frozen `NotNode` values (the compiler relies on nodes never changing). */
export const NotNode = {
  create(operand: FilterNode): NotNode {
    return Object.freeze({ kind: 'Not', operand })
  },
}

/** A boolean condition on the rows of one table. */
export type FilterNode =
  ComparisonNode | BetweenNode | InListNode | NullCheckNode | PatternMatchNode | AndNode | OrNode | NotNode
