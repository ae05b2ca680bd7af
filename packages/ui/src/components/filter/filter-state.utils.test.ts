import { describe, expect, it } from 'vitest'
import { OPERATORS } from './filter-operators.utils'
import { filterToObject, isConditionComplete, objectToFilter } from './filter-state.utils'
import type { ConditionValue, FilterCondition, FilterGroup, FilterItem } from './filter-state.utils'
import { draftToSelect, emptyDraft, selectToDraft, toggleProjection, withNulls } from './select-draft.utils'

const counter = (): (() => string) => {
  let n = 0
  return () => `n${++n}`
}

/** The item without ids, for comparing two trees built with different ids. */
function shape(item: FilterItem): unknown {
  if (item.kind === 'condition') return Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'id'))
  return { join: item.join, negated: item.negated, items: item.items.map(shape) }
}

const cond = (column: string, operator: string, value: ConditionValue, extra: Partial<FilterCondition> = {}) =>
  ({ kind: 'condition', id: `${column}-${operator}`, column, operator, value, ...extra }) as FilterCondition
const group = (join: 'and' | 'or', items: FilterItem[], negated = false): FilterGroup => ({
  kind: 'group',
  id: `g-${join}`,
  join,
  negated,
  items,
})

/** A complete sample value for each operator's arity. */
const SAMPLE: Record<string, ConditionValue> = { value: 15, pair: [10, 20], list: [1, 2, 3], flag: true }

describe('filter state ↔ filter object', () => {
  it.each(OPERATORS.map((info) => [info.name, info.arity] as const))(
    'round-trips the %s operator (%s)',
    (operator, arity) => {
      const state = group('and', [cond('delay', operator, SAMPLE[arity])])
      const object = filterToObject(state)
      expect(object).toEqual({ delay: { [operator]: SAMPLE[arity] } })
      const back = objectToFilter(object, counter())
      expect(back.problems).toEqual([])
      expect(shape(back.root)).toEqual(shape(state))
    },
  )

  it('keeps $options "i" next to $regex', () => {
    const state = group('and', [cond('origin', '$regex', '^S', { regexOptions: 'i' })])
    expect(filterToObject(state)).toEqual({ origin: { $regex: '^S', $options: 'i' } })
    expect(shape(objectToFilter(filterToObject(state), counter()).root)).toEqual(shape(state))
  })

  it('merges an and group into one object and round-trips nested or, and and not groups', () => {
    const state = group('and', [
      cond('delay', 'gt', 10),
      cond('delay', 'lt', 60),
      group('or', [
        cond('origin', 'eq', 'SFO'),
        group('and', [cond('origin', 'in', ['LAX', 'SAN']), cond('distance', 'ge', 500)]),
      ]),
      group('and', [cond('destination', 'like', 'S%'), cond('date', 'between', ['2001-01-01', '2001-02-01'])], true),
      group('and', [
        cond('distance', 'is_null', true),
        group('or', [cond('delay', 'eq', null), cond('delay', '$gte', 5)]),
      ]),
    ])
    const object = filterToObject(state)
    expect(object).toEqual({
      delay: { gt: 10, lt: 60 },
      $or: [{ origin: { eq: 'SFO' } }, { origin: { in: ['LAX', 'SAN'] }, distance: { ge: 500 } }],
      $not: { destination: { like: 'S%' }, date: { between: ['2001-01-01', '2001-02-01'] } },
      $and: [{ distance: { is_null: true } }, { $or: [{ delay: { eq: null } }, { delay: { $gte: 5 } }] }],
    })
    expect(shape(objectToFilter(object, counter()).root)).toEqual(shape(state))
  })

  it('falls back to $and when two items need the same key, and reads it back', () => {
    const state = group('and', [
      cond('delay', 'ne', 1),
      cond('delay', 'ne', 2),
      group('or', [cond('a', 'eq', 1)]),
      group('or', [cond('b', 'eq', 2)]),
    ])
    const object = filterToObject(state)
    expect(object).toEqual({
      $and: [{ delay: { ne: 1 } }, { delay: { ne: 2 } }, { $or: [{ a: { eq: 1 } }] }, { $or: [{ b: { eq: 2 } }] }],
    })
    const back = objectToFilter(object, counter()).root
    expect(shape(back)).toEqual(shape(state))
  })

  it('round-trips an or root and a negated or group', () => {
    const root = group('or', [cond('a', 'eq', 1), group('or', [cond('b', 'eq', 2), cond('c', 'eq', 3)], true)])
    const object = filterToObject(root)
    expect(object).toEqual({ $or: [{ a: { eq: 1 } }, { $not: { $or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] } }] })
    expect(shape(objectToFilter(object, counter()).root)).toEqual(shape(root))
  })

  it('leaves out incomplete conditions and groups left empty by them', () => {
    const state = group('and', [
      cond('delay', 'gt', undefined),
      cond('', 'eq', 1),
      cond('delay', 'between', [1, undefined]),
      cond('origin', 'in', []),
      group('or', [cond('x', 'eq', undefined)]),
      cond('origin', 'eq', ''),
    ])
    expect(filterToObject(state)).toEqual({ origin: { eq: '' } })
    expect(isConditionComplete(cond('a', 'is_null', true))).toBe(true)
    expect(isConditionComplete(cond('a', 'nope', 1))).toBe(false)
  })

  it('reads shorthands: a value is eq, null is is_null, a column $not is a negated group', () => {
    const read = objectToFilter({ origin: 'SFO', tail: null, delay: { $not: { gt: 5, lt: 9 } } }, counter())
    expect(read.problems).toEqual([])
    expect(shape(read.root)).toEqual(
      shape(
        group('and', [
          cond('origin', 'eq', 'SFO'),
          cond('tail', 'is_null', true),
          group('and', [cond('delay', 'gt', 5), cond('delay', 'lt', 9)], true),
        ]),
      ),
    )
  })

  it('reports with their path what the builder cannot show', () => {
    const read = objectToFilter({ $or: [{ delay: { gte: 5 } }, { origin: ['SFO'] }], $and: {}, tail: {} }, counter(), [
      'filters',
    ])
    expect(read.problems).toEqual([
      { at: ['filters', '$or', 0, 'delay', 'gte'], message: 'unknown operator "gte"' },
      { at: ['filters', '$or', 1, 'origin'], message: 'a list goes in an operator: { "in": [...] }' },
      { at: ['filters', '$and'], message: '$and takes a non-empty list of filter objects' },
      { at: ['filters', 'tail'], message: 'no operator given, such as { "eq": 1 }' },
    ])
  })
})

describe('select draft ↔ select spec', () => {
  it('round-trips filters, projection, sort keys, limit and offset', () => {
    const newId = counter()
    const draft = emptyDraft(newId)
    draft.root.items.push(cond('delay', 'gt', 10))
    draft.columns = ['date', 'delay']
    draft.orderBy = [
      { id: 's1', column: 'delay', direction: 'desc' },
      { id: 's2', column: 'date', direction: 'asc', nulls: 'first' },
    ]
    draft.offset = 20
    const spec = draftToSelect(draft)
    expect(spec).toEqual({
      filters: { delay: { gt: 10 } },
      columns: ['date', 'delay'],
      order_by: ['-delay', { column: 'date', direction: 'asc', nulls: 'first' }],
      limit: 1000,
      offset: 20,
    })
    const back = selectToDraft(spec, counter())
    expect(back.problems).toEqual([])
    expect(draftToSelect(back.draft)).toEqual(spec)
  })

  it('omits what is not set and reports bad fields', () => {
    expect(draftToSelect(emptyDraft(counter(), null))).toEqual({})
    const read = selectToDraft({ order_by: 'delay', limit: -1, extra: 1 }, counter())
    expect(read.draft.orderBy.map((key) => [key.column, key.direction])).toEqual([['delay', 'asc']])
    expect(read.problems.map((problem) => problem.at)).toEqual([['extra'], ['limit']])
  })
})

describe('projection and sort edits', () => {
  const all = ['date', 'delay', 'origin']

  it('toggles columns in table order, with [] for every column, and keeps at least one', () => {
    expect(toggleProjection([], all, 'delay')).toEqual(['date', 'origin'])
    expect(toggleProjection(['origin', 'date'], all, 'delay')).toEqual([])
    expect(toggleProjection(['origin'], all, 'date')).toEqual(['date', 'origin'])
    expect(toggleProjection(['origin'], all, 'origin')).toEqual(['origin'])
  })

  it('sets or clears the nulls order of a sort key', () => {
    const key = { id: 's', column: 'delay', direction: 'desc' as const }
    expect(withNulls(key, 'last')).toEqual({ ...key, nulls: 'last' })
    expect(withNulls({ ...key, nulls: 'first' }, '')).toEqual(key)
  })
})
