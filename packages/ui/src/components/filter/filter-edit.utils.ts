import { defaultOperator, operatorApplies, operatorInfo } from './filter-operators.utils'
import type { ColumnFamily } from './filter-operators.utils'
import type { ConditionValue, FilterCondition, FilterGroup, FilterItem, FilterSlot } from './filter-state.utils'

/** The tree with item `id` replaced by `update(item)`; the same tree object when no item has that id. */
export function updateItem(root: FilterGroup, id: string, update: (item: FilterItem) => FilterItem): FilterGroup {
  if (root.id === id) {
    const next = update(root)
    return next.kind === 'group' ? next : root
  }
  let changed = false
  const items = root.items.map((item) => {
    if (item.id === id) {
      changed = true
      return update(item)
    }
    if (item.kind !== 'group') return item
    const next = updateItem(item, id, update)
    if (next !== item) changed = true
    return next
  })
  return changed ? { ...root, items } : root
}

/** The item with id `id` anywhere in the tree, or undefined. */
function findItem(root: FilterGroup, id: string): FilterItem | undefined {
  if (root.id === id) return root
  for (const item of root.items) {
    const found = item.id === id ? item : item.kind === 'group' ? findItem(item, id) : undefined
    if (found !== undefined) return found
  }
  return undefined
}

/** The tree without item `id` (the root itself is never removed). */
export function removeItem(root: FilterGroup, id: string): FilterGroup {
  const items = root.items
    .filter((item) => item.id !== id)
    .map((item) => (item.kind === 'group' ? removeItem(item, id) : item))
  return { ...root, items }
}

/** The tree with `item` appended to group `groupId`. */
export function appendItem(root: FilterGroup, groupId: string, item: FilterItem): FilterGroup {
  return updateItem(root, groupId, (group) =>
    group.kind === 'group' ? { ...group, items: [...group.items, item] } : group,
  )
}

/**
 * The tree with an empty row added at the end of group `groupId`: a condition with no column yet, or a group
 * holding one (joined the other way than its parent, the usual reason to nest).
 */
export function appendEmpty(
  root: FilterGroup,
  groupId: string,
  newId: () => string,
  kind: 'condition' | 'group',
): FilterGroup {
  const condition: FilterCondition = { kind: 'condition', id: newId(), column: '', operator: 'eq', value: undefined }
  if (kind === 'condition') return appendItem(root, groupId, condition)
  const parent = findItem(root, groupId)
  const join = parent?.kind === 'group' && parent.join === 'and' ? 'or' : 'and'
  return appendItem(root, groupId, { kind: 'group', id: newId(), join, negated: false, items: [condition] })
}

/** A new condition on `column`: the family's default operator and no value yet (`true` for null checks). */
export function newCondition(id: string, column: string, family: ColumnFamily): FilterCondition {
  const operator = defaultOperator(family)
  return { kind: 'condition', id, column, operator, value: emptyValue(operator) }
}

/**
 * The condition on another column: the operator stays when it applies to the new column's type (and so does
 * the value when the type family is the same); otherwise the family's default operator with an empty value.
 */
export function withColumn(
  condition: FilterCondition,
  column: string,
  family: ColumnFamily,
  previousFamily: ColumnFamily | null,
): FilterCondition {
  if (!operatorApplies(condition.operator, family)) return newCondition(condition.id, column, family)
  const value = family === previousFamily ? condition.value : emptyValue(condition.operator)
  return { kind: 'condition', id: condition.id, column, operator: condition.operator, value }
}

/**
 * The condition with another operator, its value carried over where the shapes allow: one value → the first slot
 * of a pair or list; a list or pair → its first value; null checks become `true`.
 */
export function withOperator(condition: FilterCondition, operator: string): FilterCondition {
  const next: FilterCondition = {
    kind: 'condition',
    id: condition.id,
    column: condition.column,
    operator,
    value: undefined,
  }
  const arity = operatorInfo(operator)?.arity
  const wasFlag = operatorInfo(condition.operator)?.arity === 'flag'
  const slots: readonly FilterSlot[] = Array.isArray(condition.value) ? condition.value : []
  const first = wasFlag ? undefined : Array.isArray(condition.value) ? slots[0] : (condition.value as FilterSlot | null)
  if (arity === 'flag') next.value = true
  else if (arity === 'value') next.value = first
  else if (arity === 'pair') next.value = [first ?? undefined, slots[1]]
  else if (arity === 'list')
    next.value = Array.isArray(condition.value) ? slots.filter((v) => v !== undefined) : first == null ? [] : [first]
  if (operator === '$regex' && condition.regexOptions === 'i') next.regexOptions = 'i'
  return next
}

function emptyValue(operator: string): ConditionValue {
  const arity = operatorInfo(operator)?.arity
  if (arity === 'flag') return true
  if (arity === 'pair') return [undefined, undefined]
  if (arity === 'list') return []
  return undefined
}
