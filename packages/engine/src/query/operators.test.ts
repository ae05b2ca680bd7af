import { describe, expect, it } from 'vitest'
import { appliesTo, findColumnOperator, listOperators, suggestOperator } from './operators.js'

describe('operators', () => {
  it('lists plain and Mongo-style operators per column family', () => {
    expect(listOperators('text', false)).toEqual([
      'eq',
      'ne',
      'gt',
      'ge',
      'lt',
      'le',
      'between',
      'in',
      'not_in',
      'is_null',
      'is_not_null',
      'like',
      'ilike',
    ])
    expect(listOperators('text', true)).toEqual([
      '$eq',
      '$ne',
      '$gt',
      '$gte',
      '$lt',
      '$lte',
      '$in',
      '$nin',
      '$regex',
      '$exists',
    ])
    expect(listOperators('boolean', false)).toEqual(['eq', 'ne', 'in', 'not_in', 'is_null', 'is_not_null'])
    expect(listOperators('json', true)).toEqual(['$exists'])
  })

  it('applies pattern operators to text only', () => {
    const like = findColumnOperator('like')
    const regex = findColumnOperator('$regex')
    expect(like && appliesTo(like, 'text')).toBe(true)
    expect(like && appliesTo(like, 'integer')).toBe(false)
    expect(regex && appliesTo(regex, 'other')).toBe(false)
  })

  it('suggests nothing for a name with no close operator', () => {
    expect(suggestOperator('contains')).toBeUndefined()
    expect(suggestOperator('$ge')).toBe('$gte')
    expect(suggestOperator('Like')).toBe('like')
  })
})
