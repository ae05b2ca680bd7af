import type { FilterInput } from '@idw/engine/api'
import { operatorInfo } from './filter-operators.utils'

/** A value a filter compares with (dates, times, UUIDs and big integers are strings). */
export type FilterScalar = string | number | boolean

/** One slot of a `between` pair or an `in` list; undefined while the user has not filled it. */
export type FilterSlot = FilterScalar | undefined

/**
 * The value of a condition, by the arity of its operator: a scalar (or null for `eq`/`ne` = IS [NOT] NULL) for
 * one-value operators, `[low, high]` for `between`, a list for `in`/`not_in`/`$in`/`$nin`, a boolean for
 * `is_null`/`is_not_null`/`$exists`; undefined while not filled in.
 */
export type ConditionValue = FilterScalar | null | undefined | readonly FilterSlot[]

/** One row of the builder: `<column> <operator> <value>`. */
export interface FilterCondition {
  kind: 'condition'
  id: string
  column: string
  operator: string
  value: ConditionValue
  /** `$options: "i"` next to `$regex` (case-insensitive). */
  regexOptions?: 'i'
}

/** An and/or group of conditions and groups, optionally negated (`$not`). */
export interface FilterGroup {
  kind: 'group'
  id: string
  join: 'and' | 'or'
  negated: boolean
  items: FilterItem[]
}

/** One row of a filter group: a condition or a nested group. */
export type FilterItem = FilterCondition | FilterGroup

/** Makes the ids of builder items; tests pass a counter. */
export type NewId = () => string

/** Where a filter object cannot be shown in the builder, and why (path from the filter object's root). */
export interface FilterProblem {
  at: (string | number)[]
  message: string
}

/**
 * True when a condition is complete enough to be sent: a column, a known operator and every value slot filled
 * (an empty `in` list is not complete).
 */
export function isConditionComplete(condition: FilterCondition): boolean {
  const info = operatorInfo(condition.operator)
  if (condition.column === '' || info === undefined) return false
  const { value } = condition
  switch (info.arity) {
    case 'value':
      return value !== undefined && !Array.isArray(value)
    case 'flag':
      return typeof value === 'boolean'
    case 'pair':
      return Array.isArray(value) && value.length === 2 && value.every((slot) => slot !== undefined)
    case 'list':
      return Array.isArray(value) && value.length > 0 && value.every((slot) => slot !== undefined)
  }
}

/**
 * The filter object of a builder group (the `filters` of a select). Incomplete conditions and empty groups are
 * left out. An `and` group becomes one object whose keys are ANDed (`{ "delay": { "gt": 10, "lt": 60 },
 * "$or": [...] }`) unless two items would claim the same key, then `{ "$and": [...] }`; an `or` group becomes
 * `{ "$or": [...] }`; a negated group `{ "$not": ... }`. `objectToFilter` reads it back to the same group.
 */
export function filterToObject(group: FilterGroup): FilterInput {
  if (group.negated) return { $not: filterToObject({ ...group, negated: false }) }
  const items = group.items.filter(isItemSent)
  if (group.join === 'or') return { $or: items.map(itemToObject) }
  return mergeAnd(items) ?? { $and: items.map(itemToObject) }
}

function isItemSent(item: FilterItem): boolean {
  return item.kind === 'condition' ? isConditionComplete(item) : item.items.some(isItemSent)
}

function itemToObject(item: FilterItem): FilterInput {
  return item.kind === 'group' ? filterToObject(item) : (mergeAnd([item]) as FilterInput)
}

/** The items ANDed as keys of one object, or undefined when two items need the same key. */
function mergeAnd(items: readonly FilterItem[]): FilterInput | undefined {
  const merged: Record<string, unknown> = {}
  for (const item of items) {
    if (item.kind === 'group') {
      const [key, value] = groupEntry(item)
      if (Object.hasOwn(merged, key)) return undefined
      merged[key] = value
      continue
    }
    const operators = (merged[item.column] ??= {}) as Record<string, unknown>
    if (Object.hasOwn(operators, item.operator)) return undefined
    operators[item.operator] = item.value
    if (item.operator === '$regex' && item.regexOptions === 'i') operators.$options = 'i'
  }
  return merged as FilterInput
}

/** The key and value a group takes among the keys of an ANDed object: `$not`, `$or` or `$and`. */
function groupEntry(group: FilterGroup): [string, unknown] {
  if (group.negated) return ['$not', filterToObject({ ...group, negated: false })]
  return [group.join === 'or' ? '$or' : '$and', group.items.filter(isItemSent).map(itemToObject)]
}

/**
 * The builder group of a filter object: the inverse of `filterToObject`. Column shorthands are read too
 * (`"origin": "SFO"` is `eq`, `"origin": null` is `is_null`), a column's `$not` becomes a negated group, and an
 * object holding one group only (`{ "$or": [...] }`) is that group. What the builder cannot show (an unknown
 * operator, a list directly under a column, `$and` that is not a list) is reported in `problems` with its path.
 */
export function objectToFilter(
  input: unknown,
  newId: NewId,
  at: (string | number)[] = [],
): { root: FilterGroup; problems: FilterProblem[] } {
  const problems: FilterProblem[] = []
  const items = readObject(input, at, newId, problems)
  const only = items[0]
  if (items.length === 1 && only?.kind === 'group') return { root: only, problems }
  return { root: { kind: 'group', id: newId(), join: 'and', negated: false, items }, problems }
}

function readObject(input: unknown, at: (string | number)[], newId: NewId, problems: FilterProblem[]): FilterItem[] {
  if (!isPlainObject(input)) {
    problems.push({ at, message: 'a filter is an object such as { "delay": { "gt": 10 } }' })
    return []
  }
  return Object.entries(input).flatMap(([key, value]) => readEntry(key, value, [...at, key], newId, problems))
}

function readEntry(
  key: string,
  value: unknown,
  at: (string | number)[],
  newId: NewId,
  problems: FilterProblem[],
): FilterItem[] {
  if (key === '$and' || key === '$or') {
    if (!Array.isArray(value) || value.length === 0) {
      problems.push({ at, message: `${key} takes a non-empty list of filter objects` })
      return []
    }
    const items = value.map((element: unknown, i) => single(readObject(element, [...at, i], newId, problems), newId))
    return [{ kind: 'group', id: newId(), join: key === '$and' ? 'and' : 'or', negated: false, items }]
  }
  if (key === '$not') return [negate(readObject(value, at, newId, problems), newId)]
  return readColumn(key, value, at, newId, problems)
}

function readColumn(
  column: string,
  value: unknown,
  at: (string | number)[],
  newId: NewId,
  problems: FilterProblem[],
): FilterItem[] {
  const condition = (operator: string, conditionValue: ConditionValue): FilterCondition => ({
    kind: 'condition',
    id: newId(),
    column,
    operator,
    value: conditionValue,
  })
  if (value === null) return [condition('is_null', true)]
  if (Array.isArray(value)) {
    problems.push({ at, message: 'a list goes in an operator: { "in": [...] }' })
    return []
  }
  if (!isPlainObject(value)) return [condition('eq', value as FilterScalar)]
  if (Object.keys(value).length === 0) problems.push({ at, message: 'no operator given, such as { "eq": 1 }' })
  const items: FilterItem[] = []
  for (const [name, operand] of Object.entries(value)) {
    if (name === '$options') continue
    if (name === '$not') {
      items.push(negate(readColumn(column, operand, [...at, name], newId, problems), newId))
      continue
    }
    if (operatorInfo(name) === undefined) {
      problems.push({ at: [...at, name], message: `unknown operator ${JSON.stringify(name)}` })
      continue
    }
    const item = condition(name, operand as ConditionValue)
    if (name === '$regex' && value.$options === 'i') item.regexOptions = 'i'
    items.push(item)
  }
  return items
}

/** One item stays itself; several are an `and` group (the keys of one filter object). */
function single(items: FilterItem[], newId: NewId): FilterItem {
  const [only] = items
  if (items.length === 1 && only !== undefined) return only
  return { kind: 'group', id: newId(), join: 'and', negated: false, items }
}

function negate(items: FilterItem[], newId: NewId): FilterGroup {
  const item = single(items, newId)
  if (item.kind === 'group' && !item.negated) return { ...item, negated: true }
  return { kind: 'group', id: newId(), join: 'and', negated: true, items: [item] }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
