import { describe, expect, it } from 'vitest'
import type { CatalogTable } from '../api/contract/catalog.js'
import { buildSelectQuery } from './build-select-query.js'
import type { FilterInput, FilterScalar } from './select-spec.js'

const column = (name: string, type: string) => ({ name, type, nullable: true })
const flights: CatalogTable = {
  schema: 'flights',
  name: 'flights',
  kind: 'view',
  estimatedRows: 3_000_000,
  columns: [
    column('id', 'bigint'),
    column('delay', 'integer'),
    column('distance', 'smallint'),
    column('origin', 'text'),
    column('destination', 'character varying(3)'),
    column('tail', 'character(6)'),
    column('fare', 'numeric(10,2)'),
    column('speed', 'double precision'),
    column('ratio', 'real'),
    column('cancelled', 'boolean'),
    column('day', 'date'),
    column('date', 'timestamp without time zone'),
    column('departed_at', 'timestamp(3) with time zone'),
    column('dep_time', 'time without time zone'),
    column('block', 'interval'),
    column('trip_id', 'uuid'),
    column('status', 'flight_status'),
    column('meta', 'jsonb'),
  ],
}
const PREFIX = 'SELECT "id" FROM "flights"."flights"'

/** Compiles `filters` with the projection `id`, so expectations show the WHERE clause. */
function where(filters: FilterInput) {
  return buildSelectQuery(flights, { filters, columns: ['id'] })
}

describe('buildSelectQuery: plain operators', () => {
  it.each<[string, FilterInput, string, unknown[]]>([
    ['eq', { delay: { eq: 5 } }, '"delay" = $1', [5]],
    ['eq shorthand', { delay: 5 }, '"delay" = $1', [5]],
    ['ne', { delay: { ne: 5 } }, '"delay" <> $1', [5]],
    ['gt', { delay: { gt: 5 } }, '"delay" > $1', [5]],
    ['ge', { delay: { ge: 5 } }, '"delay" >= $1', [5]],
    ['lt', { delay: { lt: 5 } }, '"delay" < $1', [5]],
    ['le', { delay: { le: 5 } }, '"delay" <= $1', [5]],
    ['between', { delay: { between: [5, 10] } }, '"delay" BETWEEN $1 AND $2', [5, 10]],
    ['in', { delay: { in: [1, 2, 3] } }, '"delay" = ANY($1::int4[])', [[1, 2, 3]]],
    ['not_in', { delay: { not_in: [1, 2] } }, '"delay" <> ALL($1::int4[])', [[1, 2]]],
    ['is_null true', { delay: { is_null: true } }, '"delay" IS NULL', []],
    ['is_null false', { delay: { is_null: false } }, '"delay" IS NOT NULL', []],
    ['is_not_null true', { delay: { is_not_null: true } }, '"delay" IS NOT NULL', []],
    ['is_not_null false', { delay: { is_not_null: false } }, '"delay" IS NULL', []],
    ['like', { origin: { like: 'S%' } }, '"origin" LIKE $1', ['S%']],
    ['ilike', { origin: { ilike: '%sea%' } }, '"origin" ILIKE $1', ['%sea%']],
    ['null shorthand', { delay: null }, '"delay" IS NULL', []],
    ['eq null', { delay: { eq: null } }, '"delay" IS NULL', []],
    ['ne null', { delay: { ne: null } }, '"delay" IS NOT NULL', []],
  ])('compiles %s', (_name, filters, sql, parameters) => {
    expect(where(filters)).toEqual({ sql: `${PREFIX} WHERE ${sql}`, parameters })
  })
})

describe('buildSelectQuery: Mongo-style operators', () => {
  it.each<[string, FilterInput, string, unknown[]]>([
    ['$eq', { delay: { $eq: 5 } }, '"delay" = $1', [5]],
    ['$ne', { delay: { $ne: 5 } }, '"delay" <> $1', [5]],
    ['$gt', { delay: { $gt: 5 } }, '"delay" > $1', [5]],
    ['$gte', { delay: { $gte: 5 } }, '"delay" >= $1', [5]],
    ['$lt', { delay: { $lt: 5 } }, '"delay" < $1', [5]],
    ['$lte', { delay: { $lte: 5 } }, '"delay" <= $1', [5]],
    ['$in', { origin: { $in: ['SEA', 'PDX'] } }, '"origin" = ANY($1::text[])', [['SEA', 'PDX']]],
    ['$nin', { origin: { $nin: ['SEA'] } }, '"origin" <> ALL($1::text[])', [['SEA']]],
    ['$regex', { origin: { $regex: '^S' } }, '"origin" ~ $1', ['^S']],
    ['$regex with $options i', { origin: { $regex: '^s', $options: 'i' } }, '"origin" ~* $1', ['^s']],
    ['$regex with empty $options', { origin: { $options: '', $regex: '^S' } }, '"origin" ~ $1', ['^S']],
    ['$exists true', { delay: { $exists: true } }, '"delay" IS NOT NULL', []],
    ['$exists false', { delay: { $exists: false } }, '"delay" IS NULL', []],
    ['$eq null', { delay: { $eq: null } }, '"delay" IS NULL', []],
    ['$ne null', { delay: { $ne: null } }, '"delay" IS NOT NULL', []],
    ['column-level $not', { delay: { $not: { $gt: 60 } } }, 'NOT ("delay" > $1)', [60]],
    ['$not of two operators', { delay: { $not: { gt: 0, lt: 60 } } }, 'NOT ("delay" > $1 AND "delay" < $2)', [0, 60]],
  ])('compiles %s', (_name, filters, sql, parameters) => {
    expect(where(filters)).toEqual({ sql: `${PREFIX} WHERE ${sql}`, parameters })
  })
})

describe('buildSelectQuery: lists are one parameter cast to the column base type', () => {
  it.each<[string, FilterScalar[], string]>([
    ['id', [1, '9007199254740993'], '"id" = ANY($1::int8[])'],
    ['distance', [100, 200], '"distance" = ANY($1::int2[])'],
    ['fare', ['12.50', 3], '"fare" = ANY($1::numeric[])'],
    ['speed', [1.5, 'NaN'], '"speed" = ANY($1::float8[])'],
    ['ratio', [0.5], '"ratio" = ANY($1::float4[])'],
    ['destination', ['SEA'], '"destination" = ANY($1::text[])'],
    ['tail', ['N123AB'], '"tail" = ANY($1::bpchar[])'],
    ['cancelled', [true], '"cancelled" = ANY($1::bool[])'],
    ['day', ['2001-01-01', '2001-12-31'], '"day" = ANY($1::date[])'],
    ['date', ['2001-01-01 10:00'], '"date" = ANY($1::timestamp[])'],
    ['departed_at', ['2001-01-01T10:00:00Z'], '"departed_at" = ANY($1::timestamptz[])'],
    ['dep_time', ['10:30'], '"dep_time" = ANY($1::time[])'],
    ['block', ['2 hours'], '"block" = ANY($1::interval[])'],
    ['trip_id', ['123e4567-e89b-12d3-a456-426614174000'], '"trip_id" = ANY($1::uuid[])'],
    ['status', ['late', 'on time'], '"status" = ANY($1)'],
  ])('compiles in on %s', (name, list, sql) => {
    expect(where({ [name]: { in: list } })).toEqual({ sql: `${PREFIX} WHERE ${sql}`, parameters: [list] })
  })

  it('keeps one parameter for a list of 10 000 values', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => i)
    const compiled = where({ delay: { in: list } })
    expect(compiled.sql).toBe(`${PREFIX} WHERE "delay" = ANY($1::int4[])`)
    expect(compiled.parameters).toEqual([list])
  })
})

describe('buildSelectQuery: values keep their JSON form', () => {
  it('passes numeric strings, dates and booleans through unchanged', () => {
    expect(
      where({ fare: { ge: '12.50' }, id: '9223372036854775807', day: { lt: '2001-03-01' }, cancelled: false }),
    ).toEqual({
      sql: `${PREFIX} WHERE "fare" >= $1 AND "id" = $2 AND "day" < $3 AND "cancelled" = $4`,
      parameters: ['12.50', '9223372036854775807', '2001-03-01', false],
    })
  })
})

describe('buildSelectQuery: combinations', () => {
  it('ANDs the keys of one object and the operators of one column, in order', () => {
    expect(where({ delay: { gt: 0, le: 60 }, origin: 'SEA' })).toEqual({
      sql: `${PREFIX} WHERE "delay" > $1 AND "delay" <= $2 AND "origin" = $3`,
      parameters: [0, 60, 'SEA'],
    })
  })

  it('compiles $and of $or with $not', () => {
    const filters: FilterInput = {
      $and: [{ $or: [{ origin: 'SEA' }, { origin: { $in: ['PDX', 'SFO'] } }] }, { $not: { delay: { $gt: 60 } } }],
      cancelled: false,
    }
    expect(where(filters)).toEqual({
      sql: `${PREFIX} WHERE ("origin" = $1 OR "origin" = ANY($2::text[])) AND NOT ("delay" > $3) AND "cancelled" = $4`,
      parameters: ['SEA', ['PDX', 'SFO'], 60, false],
    })
  })

  it('compiles $or of $and groups and a $not holding an $or', () => {
    const filters: FilterInput = {
      $or: [
        { origin: 'SEA', delay: { between: [10, 20] } },
        { $not: { $or: [{ day: { lt: '2001-01-01' } }, { tail: { is_null: true } }] } },
      ],
    }
    expect(where(filters)).toEqual({
      sql: `${PREFIX} WHERE ("origin" = $1 AND "delay" BETWEEN $2 AND $3)` + ` OR NOT ("day" < $4 OR "tail" IS NULL)`,
      parameters: ['SEA', 10, 20, '2001-01-01'],
    })
  })

  it('unwraps a one-element $and/$or and treats {} as no filter', () => {
    expect(where({ $or: [{ delay: 1 }] })).toEqual({ sql: `${PREFIX} WHERE "delay" = $1`, parameters: [1] })
    expect(where({})).toEqual({ sql: PREFIX, parameters: [] })
  })

  it('reads a $-prefixed key as a column when the table has that column', () => {
    const table: CatalogTable = { ...flights, columns: [column('id', 'integer'), column('$price', 'numeric')] }
    expect(buildSelectQuery(table, { filters: { $price: { $gt: 10 } }, columns: ['id'] })).toEqual({
      sql: `${PREFIX} WHERE "$price" > $1`,
      parameters: [10],
    })
  })
})

describe('buildSelectQuery: projection, order_by, limit, offset', () => {
  it('selects every catalog column in catalog order without a projection', () => {
    const table: CatalogTable = { ...flights, columns: [column('b', 'text'), column('a', 'integer')] }
    expect(buildSelectQuery(table, {})).toEqual({ sql: 'SELECT "b", "a" FROM "flights"."flights"', parameters: [] })
  })

  it('selects the projection in the order given', () => {
    expect(buildSelectQuery(flights, { columns: ['origin', 'id', 'delay'] }).sql).toBe(
      'SELECT "origin", "id", "delay" FROM "flights"."flights"',
    )
  })

  it('sorts descending with a leading "-" and on several keys in the three forms', () => {
    expect(buildSelectQuery(flights, { columns: ['id'], order_by: '-delay' }).sql).toBe(
      `${PREFIX} ORDER BY "delay" DESC`,
    )
    expect(
      buildSelectQuery(flights, {
        columns: ['id'],
        order_by: [
          'origin',
          '-delay',
          { column: 'day', direction: 'desc', nulls: 'last' },
          { column: 'tail', nulls: 'first' },
          { column: 'fare', direction: 'asc' },
        ],
      }).sql,
    ).toBe(`${PREFIX} ORDER BY "origin" ASC, "delay" DESC, "day" DESC NULLS LAST, "tail" ASC NULLS FIRST, "fare" ASC`)
  })

  it('binds limit and offset as the last parameters', () => {
    expect(
      buildSelectQuery(flights, {
        columns: ['id'],
        filters: { delay: { gt: 15 } },
        order_by: '-delay',
        limit: 100,
        offset: 50,
      }),
    ).toEqual({
      sql: `${PREFIX} WHERE "delay" > $1 ORDER BY "delay" DESC LIMIT $2 OFFSET $3`,
      parameters: [15, 100, 50],
    })
  })

  it('accepts limit 0', () => {
    expect(buildSelectQuery(flights, { columns: ['id'], limit: 0 })).toEqual({
      sql: `${PREFIX} LIMIT $1`,
      parameters: [0],
    })
  })

  it('quotes identifiers with capitals, spaces and double quotes everywhere', () => {
    const table: CatalogTable = {
      schema: 'Sales Data',
      name: 'Orders "2024"',
      kind: 'foreign table',
      estimatedRows: null,
      columns: [column('Order ID', 'integer'), column('Customer', 'text'), column('say "hi"', 'text')],
    }
    expect(
      buildSelectQuery(table, {
        columns: ['Order ID', 'say "hi"'],
        filters: { Customer: { ilike: 'a%' }, 'say "hi"': { ne: 'x' } },
        order_by: '-Order ID',
      }),
    ).toEqual({
      sql:
        'SELECT "Order ID", "say ""hi""" FROM "Sales Data"."Orders ""2024"""' +
        ' WHERE "Customer" ILIKE $1 AND "say ""hi""" <> $2 ORDER BY "Order ID" DESC',
      parameters: ['a%', 'x'],
    })
  })

  it('returns a frozen query', () => {
    const compiled = where({ delay: { in: [1] } })
    expect(Object.isFrozen(compiled)).toBe(true)
    expect(Object.isFrozen(compiled.parameters)).toBe(true)
  })
})
