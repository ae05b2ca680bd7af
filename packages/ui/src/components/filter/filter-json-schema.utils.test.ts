import { describe, expect, it } from 'vitest'
import { selectJsonSchema } from './filter-json-schema.utils'

const COLUMNS = [
  { name: 'delay', type: 'integer', nullable: true },
  { name: 'origin', type: 'text', nullable: false },
  { name: 'meta', type: 'jsonb', nullable: true },
]

/** The part of a schema at `path` (object keys and array indexes). */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((part, key) => (part as Record<string | number, unknown>)[key], value)
}
const keys = (value: unknown): string[] => Object.keys(value as object)

describe('selectJsonSchema', () => {
  const schema = selectJsonSchema(COLUMNS)

  it('offers the spec fields and the columns by name in filters, columns and order_by', () => {
    expect(keys(at(schema, 'properties'))).toEqual(['filters', 'columns', 'order_by', 'limit', 'offset'])
    expect(keys(at(schema, 'definitions', 'filter', 'properties'))).toEqual([
      '$and',
      '$or',
      '$not',
      'delay',
      'origin',
      'meta',
    ])
    expect(at(schema, 'properties', 'columns', 'items', 'enum')).toEqual(['delay', 'origin', 'meta'])
    expect(at(schema, 'properties', 'order_by', 'anyOf', 0, 'anyOf', 0, 'enum')).toEqual([
      'delay',
      'origin',
      'meta',
      '-delay',
      '-origin',
      '-meta',
    ])
    expect(at(schema, 'definitions', 'filter', 'properties', 'origin', 'description')).toBe('text not null')
  })

  it('offers the operators each column type takes, with operand shapes', () => {
    const ops = (i: number) => at(schema, 'definitions', `ops${i}`, 'properties')
    expect(keys(ops(0))).toContain('between')
    expect(keys(ops(0))).not.toContain('like')
    expect(keys(ops(1))).toEqual(expect.arrayContaining(['like', 'ilike', '$regex', '$options']))
    expect(keys(ops(2))).toEqual(['$not', 'is_null', 'is_not_null', '$exists'])
    expect(at(ops(0), 'between')).toMatchObject({ type: 'array', minItems: 2, maxItems: 2 })
    expect(at(ops(0), 'in')).toMatchObject({ type: 'array', minItems: 1 })
    expect(at(ops(0), 'is_null')).toMatchObject({ type: 'boolean' })
    expect(at(ops(0), '$not')).toEqual({ $ref: '#/definitions/ops0', description: 'negates these operators' })
  })
})
