import { describe, expect, it } from 'vitest'
import type { CatalogTable } from '../api/contract/catalog.js'
import { EngineError } from '../api/contract/errors.js'
import { parseSelect } from './parse-select.js'
import { SelectSpecSchema, type SelectSpec } from './select-spec.js'

const column = (name: string, type: string) => ({ name, type, nullable: true })
const flights: CatalogTable = {
  schema: 'flights',
  name: 'flights',
  kind: 'foreign table',
  estimatedRows: null,
  columns: [column('id', 'integer'), column('delay', 'integer'), column('origin', 'text')],
}

/** The issues of the BAD_INPUT error `parseSelect` throws for `spec`, as `path: message` lines. */
function problemsOf(spec: unknown, table: CatalogTable = flights): string[] {
  try {
    parseSelect(table, spec as SelectSpec)
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError)
    expect((error as EngineError).code).toBe('BAD_INPUT')
    const issues = (error as EngineError).detail?.issues as { path: string; message: string }[]
    return issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`))
  }
  return expect.fail('parseSelect accepted a bad spec')
}

const UNKNOWN_NOPE = 'unknown column "nope" in "flights"."flights"; columns: id, delay, origin'

describe('SelectSpecSchema', () => {
  it('accepts every documented form', () => {
    const spec = {
      filters: { $or: [{ delay: { gt: 5 } }, { origin: { $in: ['SEA'] } }] },
      columns: ['id', 'origin'],
      order_by: ['-delay', { column: 'origin', direction: 'asc', nulls: 'last' }],
      limit: 10,
      offset: 0,
    }
    expect(SelectSpecSchema.parse(spec)).toEqual(spec)
    expect(SelectSpecSchema.parse({ order_by: 'delay' })).toEqual({ order_by: 'delay' })
    expect(SelectSpecSchema.parse({})).toEqual({})
  })

  it('rejects unknown fields', () => {
    expect(SelectSpecSchema.safeParse({ filter: {} }).success).toBe(false)
  })
})

describe('parseSelect: shape problems', () => {
  it('names an unknown field and the accepted ones', () => {
    expect(problemsOf({ filter: { delay: 1 } })).toEqual([
      'filter: unknown field; accepted: filters, columns, order_by, limit, offset',
    ])
  })

  it('rejects a spec that is not an object', () => {
    expect(problemsOf(null)).toEqual(['expected an object with filters, columns, order_by, limit, offset; got null'])
  })

  it('rejects filters that are not an object', () => {
    expect(problemsOf({ filters: [] })).toEqual(['filters: filters is an object such as { "delay": { "gt": 10 } }'])
  })

  it('rejects an empty projection and a projection that is not a list', () => {
    expect(problemsOf({ columns: [] })).toEqual([
      'columns: columns lists no column; leave it out to select every column',
    ])
    expect(problemsOf({ columns: 'id' })).toEqual(['columns: columns is an array of column names'])
  })

  it.each<[unknown, string]>([
    [-1, 'limit: limit cannot be negative'],
    [1.5, 'limit: limit is a whole number of rows'],
    ['10', 'limit: limit is a number of rows'],
  ])('rejects limit %j', (limit, problem) => {
    expect(problemsOf({ limit })).toEqual([problem])
  })

  it('rejects a negative offset', () => {
    expect(problemsOf({ offset: -5 })).toEqual(['offset: offset cannot be negative'])
  })

  it('points at the faulty field of an order_by item', () => {
    expect(problemsOf({ order_by: ['delay', { column: 'origin', direction: 'up' }] })).toEqual([
      'order_by[1].direction: direction is "asc" or "desc"',
    ])
    expect(problemsOf({ order_by: { column: 'origin', nulls: 'middle' } })).toEqual([
      'order_by.nulls: nulls is "first" or "last"',
    ])
    expect(problemsOf({ order_by: { column: 'origin', dir: 'desc' } })).toEqual([
      'order_by.dir: unknown field; accepted: column, direction, nulls',
    ])
  })

  it('names the accepted order_by forms for a value of no form', () => {
    const forms = 'order_by takes "column", "-column" (descending), { column, direction, nulls } or an array of those'
    expect(problemsOf({ order_by: 5 })).toEqual([`order_by: ${forms}`])
    expect(problemsOf({ order_by: ['delay', 5] })).toEqual([`order_by[1]: ${forms}`])
  })

  it('reports shape problems before looking at the catalog', () => {
    expect(problemsOf({ limit: -1, columns: ['nope'] })).toEqual(['limit: limit cannot be negative'])
  })
})

describe('parseSelect: catalog problems', () => {
  it('rejects unknown and repeated columns in the projection', () => {
    expect(problemsOf({ columns: ['id', 'nope', 'id'] })).toEqual([
      `columns[1]: ${UNKNOWN_NOPE}`,
      'columns[2]: column "id" is listed twice',
    ])
  })

  it('rejects unknown and repeated sort columns in each form', () => {
    expect(problemsOf({ order_by: '-nope' })).toEqual([`order_by: ${UNKNOWN_NOPE}`])
    expect(problemsOf({ order_by: ['delay', { column: 'nope' }, '-delay'] })).toEqual([
      `order_by[1].column: ${UNKNOWN_NOPE}`,
      'order_by[2]: column "delay" is sorted on twice',
    ])
    expect(problemsOf({ order_by: '-' })).toEqual([
      'order_by: unknown column "" in "flights"."flights"; columns: id, delay, origin',
    ])
  })

  it('collects filter, projection and sort problems in one error', () => {
    expect(problemsOf({ filters: { delay: 'x' }, columns: ['nope'], order_by: 'nope' })).toEqual([
      'filters.delay: "x" is not an integer; column "delay" (integer) accepts an integer from -2147483648 to 2147483647, as a JSON number or a string of digits',
      `columns[0]: ${UNKNOWN_NOPE}`,
      `order_by: ${UNKNOWN_NOPE}`,
    ])
  })

  it('rejects a select on a table without columns', () => {
    expect(problemsOf({}, { ...flights, columns: [] })).toEqual(['columns: the table has no column to select'])
  })
})

describe('parseSelect: the tree', () => {
  it('expands the projection, drops an empty filter and keeps limit and offset as values', () => {
    const node = parseSelect(flights, { filters: {}, order_by: '-delay', limit: 5, offset: 10 })
    expect(node).toEqual({
      kind: 'Select',
      from: { kind: 'TableRef', schema: 'flights', name: 'flights' },
      selections: [
        { kind: 'ColumnRef', column: 'id' },
        { kind: 'ColumnRef', column: 'delay' },
        { kind: 'ColumnRef', column: 'origin' },
      ],
      where: null,
      orderBy: [
        { kind: 'OrderByItem', column: { kind: 'ColumnRef', column: 'delay' }, direction: 'DESC', nulls: null },
      ],
      limit: { kind: 'Value', value: 5, cast: null },
      offset: { kind: 'Value', value: 10, cast: null },
    })
    expect(Object.isFrozen(node)).toBe(true)
    expect(Object.isFrozen(node.selections)).toBe(true)
    expect(Object.isFrozen(node.orderBy)).toBe(true)
  })
})
