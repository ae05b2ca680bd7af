import { describeAccepted, describeValue, findValueProblem } from './column-values.js'
import {
  AndNode,
  BetweenNode,
  ColumnRefNode,
  ComparisonNode,
  InListNode,
  NotNode,
  NullCheckNode,
  PatternMatchNode,
  ValueNode,
  type FilterNode,
} from './filter-nodes.js'
import { isPlainObject } from './is-plain-object.js'
import { isTooDeep, type IssueList, type PathSegment } from './issues.js'
import {
  COLUMN_NOT_KEY,
  REGEX_OPTIONS_KEY,
  appliesTo,
  findColumnOperator,
  listOperators,
  suggestOperator,
  type ColumnOperator,
} from './operators.js'
import type { ResolvedColumn } from './table-columns.js'

/** What a column condition is parsed with: the column, its reference node and the issue list. */
interface ConditionScope {
  readonly resolved: ResolvedColumn
  readonly ref: ColumnRefNode
  readonly issues: IssueList
}

const EQUALS: ColumnOperator = { name: 'eq', kind: 'compare', sql: '=' }

/**
 * Parses the condition on one column: `null` (IS NULL), a value (eq shorthand), or an object of operators
 * (`{ gt: 5, lt: 10 }`, ANDed in key order; `$not` negates an inner operator object). Problems go to `issues`
 * with their path; the result is undefined when nothing valid remains.
 */
export function parseColumnCondition(
  resolved: ResolvedColumn,
  input: unknown,
  at: readonly PathSegment[],
  issues: IssueList,
): FilterNode | undefined {
  const scope: ConditionScope = { resolved, ref: ColumnRefNode.create(resolved.column.name), issues }
  if (input === null) return NullCheckNode.create(scope.ref, true)
  if (Array.isArray(input)) {
    issues.add(at, `a list goes in an operator: { "in": [...] } or { "not_in": [...] }, not directly under a column`)
    return undefined
  }
  if (isPlainObject(input)) return parseOperators(scope, input, at)
  return parseApplicable(scope, EQUALS, input, at, undefined)
}

function parseOperators(
  scope: ConditionScope,
  input: Record<string, unknown>,
  at: readonly PathSegment[],
): FilterNode | undefined {
  const entries = Object.entries(input)
  if (entries.length === 0) {
    scope.issues.add(at, `no operator given; ${operatorsFor(scope)}`)
    return undefined
  }
  const nodes: FilterNode[] = []
  for (const [key, value] of entries) {
    const here = [...at, key]
    if (key === REGEX_OPTIONS_KEY) {
      if (!Object.hasOwn(input, '$regex')) scope.issues.add(here, '$options applies only next to $regex')
      continue
    }
    const node =
      key === COLUMN_NOT_KEY ? parseColumnNot(scope, value, here) : parseNamedOperator(scope, key, value, here, input)
    if (node !== undefined) nodes.push(node)
  }
  if (nodes.length <= 1) return nodes[0]
  return AndNode.create(nodes)
}

function parseColumnNot(scope: ConditionScope, value: unknown, at: readonly PathSegment[]): FilterNode | undefined {
  if (isTooDeep(at, scope.issues)) return undefined
  if (!isPlainObject(value)) {
    scope.issues.add(at, `$not takes an object of operators such as { "$gt": 5 }; got ${describeValue(value)}`)
    return undefined
  }
  const inner = parseOperators(scope, value, at)
  return inner === undefined ? undefined : NotNode.create(inner)
}

function parseNamedOperator(
  scope: ConditionScope,
  key: string,
  value: unknown,
  at: readonly PathSegment[],
  siblings: Record<string, unknown>,
): FilterNode | undefined {
  const op = findColumnOperator(key)
  if (op === undefined) {
    const suggestion = suggestOperator(key)
    const hint = suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`
    scope.issues.add(at, `unknown operator ${JSON.stringify(key)}${hint}; ${operatorsFor(scope)}`)
    return undefined
  }
  const options = op.kind === 'regex' ? siblings[REGEX_OPTIONS_KEY] : undefined
  return parseApplicable(scope, op, value, at, options)
}

/** `parseOperator` once `op` is known to apply to the column's type. */
function parseApplicable(
  scope: ConditionScope,
  op: ColumnOperator,
  value: unknown,
  at: readonly PathSegment[],
  regexOptions: unknown,
): FilterNode | undefined {
  const { family } = scope.resolved.type
  if (appliesTo(op, family)) return parseOperator(scope, op, value, at, regexOptions)
  const accepted = listOperators(family, op.name.startsWith('$')).join(', ')
  scope.issues.add(at, `${op.name} does not apply to ${describeColumn(scope)}; it accepts: ${accepted}`)
  return undefined
}

/** Builds the node of one operator after checking its value; `regexOptions` is the `$options` next to `$regex`. */
function parseOperator(
  scope: ConditionScope,
  op: ColumnOperator,
  value: unknown,
  at: readonly PathSegment[],
  regexOptions: unknown,
): FilterNode | undefined {
  const { ref, issues } = scope
  switch (op.kind) {
    case 'compare':
      if (value === null) {
        if (op.sql === '=' || op.sql === '<>') return NullCheckNode.create(ref, op.sql === '=')
        issues.add(at, `${op.name} needs a value: null is neither greater nor less than anything; use is_null`)
        return undefined
      }
      return checkValue(scope, value, at) ? ComparisonNode.create(ref, op.sql, ValueNode.create(value)) : undefined
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) {
        issues.add(at, `between takes two values [low, high], both included; got ${describeValue(value)}`)
        return undefined
      }
      const [low, high] = value as [unknown, unknown]
      const valid = [checkBound(scope, low, [...at, 0]), checkBound(scope, high, [...at, 1])].every(Boolean)
      return valid ? BetweenNode.create(ref, ValueNode.create(low), ValueNode.create(high)) : undefined
    }
    case 'list':
      return parseList(scope, op.name, op.negated, value, at)
    case 'null':
      if (typeof value !== 'boolean') return rejectFlag(scope, op.name, value, at)
      return NullCheckNode.create(ref, value === op.isNull)
    case 'exists':
      if (typeof value !== 'boolean') return rejectFlag(scope, op.name, value, at)
      return NullCheckNode.create(ref, !value)
    case 'pattern':
      return checkValue(scope, value, at) ? PatternMatchNode.create(ref, op.sql, ValueNode.create(value)) : undefined
    case 'regex': {
      const optionsValid = regexOptions === undefined || regexOptions === '' || regexOptions === 'i'
      if (!optionsValid) {
        const optionsAt = [...at.slice(0, -1), REGEX_OPTIONS_KEY]
        issues.add(optionsAt, `$options accepts "i" (case-insensitive) or ""; got ${describeValue(regexOptions)}`)
      }
      if (!checkValue(scope, value, at) || !optionsValid) return undefined
      return PatternMatchNode.create(ref, regexOptions === 'i' ? '~*' : '~', ValueNode.create(value))
    }
  }
}

/**
 * `in`/`not_in` lists: non-empty, no nulls (`x = NULL` is never true, and one NULL makes `<> ALL` match no
 * row), every element valid for the column. Bound as one array parameter cast to the column's base type.
 */
function parseList(
  scope: ConditionScope,
  name: string,
  negated: boolean,
  value: unknown,
  at: readonly PathSegment[],
): FilterNode | undefined {
  if (!Array.isArray(value)) {
    scope.issues.add(at, `${name} takes an array of values such as [1, 2]; got ${describeValue(value)}`)
    return undefined
  }
  if (value.length === 0) {
    scope.issues.add(at, `${name} takes at least one value; the list is empty`)
    return undefined
  }
  let valid = true
  value.forEach((element: unknown, i) => {
    if (element === null) {
      const hint = negated ? 'is_not_null' : 'is_null'
      scope.issues.add([...at, i], `null cannot be in a ${name} list; add { "${hint}": true } with $and/$or`)
      valid = false
    } else if (!checkValue(scope, element, [...at, i])) {
      valid = false
    }
  })
  if (!valid) return undefined
  const cast = scope.resolved.type.cast
  return InListNode.create(scope.ref, ValueNode.create(value, cast === null ? null : `${cast}[]`), negated)
}

function checkBound(scope: ConditionScope, value: unknown, at: readonly PathSegment[]): boolean {
  if (value !== null) return checkValue(scope, value, at)
  scope.issues.add(at, 'a between bound cannot be null; use gt/lt for an open range')
  return false
}

/** Adds an issue and returns false when `value` does not fit the column's type. */
function checkValue(scope: ConditionScope, value: unknown, at: readonly PathSegment[]): boolean {
  const { type } = scope.resolved
  const problem = findValueProblem(type, value)
  if (problem === undefined) return true
  scope.issues.add(at, `${problem}; ${describeColumn(scope)} accepts ${describeAccepted(type)}`)
  return false
}

function rejectFlag(scope: ConditionScope, name: string, value: unknown, at: readonly PathSegment[]): undefined {
  scope.issues.add(at, `${name} takes true or false; got ${describeValue(value)}`)
  return undefined
}

function describeColumn(scope: ConditionScope): string {
  const { name, type } = scope.resolved.column
  return `column ${JSON.stringify(name)} (${type})`
}

function operatorsFor(scope: ConditionScope): string {
  const { family } = scope.resolved.type
  const plain = listOperators(family, false).join(', ')
  const mongo = listOperators(family, true).join(', ')
  return `operators for ${describeColumn(scope)}: ${plain}; Mongo style: ${mongo}`
}
