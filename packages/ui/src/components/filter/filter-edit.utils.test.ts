import { describe, expect, it } from 'vitest'
import {
  appendEmpty,
  appendItem,
  newCondition,
  removeItem,
  updateItem,
  withColumn,
  withOperator,
} from './filter-edit.utils'
import type { FilterCondition, FilterGroup } from './filter-state.utils'

const cond = (id: string, operator: string, value: FilterCondition['value']): FilterCondition => ({
  kind: 'condition',
  id,
  column: 'delay',
  operator,
  value,
})

const tree = (): FilterGroup => ({
  kind: 'group',
  id: 'root',
  join: 'and',
  negated: false,
  items: [cond('a', 'gt', 5), { kind: 'group', id: 'g', join: 'or', negated: false, items: [cond('b', 'eq', 1)] }],
})

describe('tree edits', () => {
  it('updates, appends and removes items anywhere, keeping untouched trees', () => {
    const root = tree()
    expect(updateItem(root, 'nope', (item) => item)).toBe(root)
    const updated = updateItem(root, 'b', (item) => ({ ...item, column: 'distance' }) as FilterCondition)
    expect((updated.items[1] as FilterGroup).items[0]).toMatchObject({ id: 'b', column: 'distance' })
    const appended = appendItem(root, 'g', cond('c', 'lt', 3))
    expect((appended.items[1] as FilterGroup).items.map((item) => item.id)).toEqual(['b', 'c'])
    expect(removeItem(appended, 'c')).toEqual(root)
    expect(removeItem(root, 'g').items.map((item) => item.id)).toEqual(['a'])
  })
})

describe('operator and column changes', () => {
  it('carries values between arities', () => {
    expect(withOperator(cond('a', 'eq', 5), 'between').value).toEqual([5, undefined])
    expect(withOperator(cond('a', 'eq', 5), 'in').value).toEqual([5])
    expect(withOperator(cond('a', 'in', [4, 5]), 'eq').value).toBe(4)
    expect(withOperator(cond('a', 'between', [1, 9]), 'not_in').value).toEqual([1, 9])
    expect(withOperator(cond('a', 'eq', 5), 'is_null').value).toBe(true)
    expect(withOperator(cond('a', 'is_null', true), 'eq').value).toBeUndefined()
    expect(withOperator(cond('a', 'eq', true), 'ne').value).toBe(true)
  })

  it('keeps an operator that applies to the new column, and the value within one family', () => {
    expect(withColumn(cond('a', 'gt', 5), 'distance', 'integer', 'integer')).toMatchObject({ operator: 'gt', value: 5 })
    expect(withColumn(cond('a', 'gt', 5), 'date', 'date', 'integer')).toMatchObject({
      operator: 'gt',
      value: undefined,
    })
    expect(withColumn(cond('a', 'gt', 5), 'ok', 'boolean', 'integer')).toMatchObject({
      operator: 'eq',
      value: undefined,
    })
    expect(newCondition('n', 'meta', 'json')).toEqual({
      kind: 'condition',
      id: 'n',
      column: 'meta',
      operator: 'is_not_null',
      value: true,
    })
  })
})

describe('appendEmpty', () => {
  it('adds an empty condition, or a group joined the other way holding one', () => {
    let n = 0
    const newId = () => `new${++n}`
    const withCondition = appendEmpty(tree(), 'root', newId, 'condition')
    expect(withCondition.items.at(-1)).toEqual({
      kind: 'condition',
      id: 'new1',
      column: '',
      operator: 'eq',
      value: undefined,
    })
    const withGroup = appendEmpty(tree(), 'g', newId, 'group')
    const nested = (withGroup.items[1] as FilterGroup).items.at(-1) as FilterGroup
    expect(nested).toMatchObject({ kind: 'group', join: 'and', negated: false, items: [{ column: '' }] })
  })
})
