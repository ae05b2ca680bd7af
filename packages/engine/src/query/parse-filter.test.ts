import { describe, expect, it } from 'vitest'
import type { CatalogTable } from '../api/contract/catalog.js'
import { EngineError } from '../api/contract/errors.js'
import { parseFilter } from './parse-filter.js'

const column = (name: string, type: string) => ({ name, type, nullable: true })
const flights: CatalogTable = {
  schema: 'flights',
  name: 'flights',
  kind: 'view',
  estimatedRows: null,
  columns: [
    column('id', 'bigint'),
    column('delay', 'integer'),
    column('distance', 'smallint'),
    column('origin', 'text'),
    column('fare', 'numeric(10,2)'),
    column('speed', 'double precision'),
    column('cancelled', 'boolean'),
    column('day', 'date'),
    column('date', 'timestamp without time zone'),
    column('departed_at', 'timestamp with time zone'),
    column('dep time', 'time without time zone'),
    column('trip_id', 'uuid'),
    column('meta', 'jsonb'),
    column('tags', 'text[]'),
  ],
}
const COLUMNS = flights.columns.map((c) => c.name).join(', ')
const INT4_OPERATORS =
  'operators for column "delay" (integer): eq, ne, gt, ge, lt, le, between, in, not_in, is_null, is_not_null; ' +
  'Mongo style: $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists'
const INT4_ACCEPTS =
  'column "delay" (integer) accepts an integer from -2147483648 to 2147483647, as a JSON number or a string of digits'

/** The BAD_INPUT error `parseFilter` throws for `filters`. */
function rejectionOf(filters: unknown): EngineError {
  try {
    parseFilter(filters, flights)
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError)
    expect((error as EngineError).code).toBe('BAD_INPUT')
    return error as EngineError
  }
  return expect.fail('parseFilter accepted a bad filter')
}

/** Asserts a single problem: its path (in `detail.path` and the message) and its message. */
function expectProblem(filters: unknown, path: string, message: string): void {
  const error = rejectionOf(filters)
  expect(error.detail).toEqual({ path, issues: [{ path, at: expect.any(Array), message }] })
  expect(error.message).toBe(path === '' ? message : `${path}: ${message}`)
}

describe('parseFilter: the tree', () => {
  it('builds frozen nodes', () => {
    const node = parseFilter({ delay: { gt: 5 } }, flights)
    expect(node).toEqual({
      kind: 'Comparison',
      column: { kind: 'ColumnRef', column: 'delay' },
      op: '>',
      value: { kind: 'Value', value: 5, cast: null },
    })
    expect(Object.isFrozen(node)).toBe(true)
  })

  it('builds an empty AND for {}', () => {
    expect(parseFilter({}, flights)).toEqual({ kind: 'And', operands: [] })
  })

  it('builds $or, $not and an in list with its cast', () => {
    expect(parseFilter({ $or: [{ id: { in: [1] } }, { $not: { delay: null } }] }, flights)).toEqual({
      kind: 'Or',
      operands: [
        {
          kind: 'InList',
          column: { kind: 'ColumnRef', column: 'id' },
          values: { kind: 'Value', value: [1], cast: 'int8[]' },
          negated: false,
        },
        { kind: 'Not', operand: { kind: 'NullCheck', column: { kind: 'ColumnRef', column: 'delay' }, isNull: true } },
      ],
    })
  })
})

describe('parseFilter: names', () => {
  it('rejects an unknown column and suggests a close one', () => {
    expectProblem(
      { dely: 5 },
      'filters.dely',
      `unknown column "dely" in "flights"."flights" (did you mean "delay"?); columns: ${COLUMNS}`,
    )
  })

  it('suggests the column that differs only in case (names are case-sensitive)', () => {
    expect(rejectionOf({ Origin: 'SEA' }).message).toContain(
      'unknown column "Origin" in "flights"."flights" (did you mean "origin"?)',
    )
  })

  it('lists the columns without a suggestion when none is close', () => {
    expectProblem({ xyzzy: 5 }, 'filters.xyzzy', `unknown column "xyzzy" in "flights"."flights"; columns: ${COLUMNS}`)
  })

  it('rejects an unknown operator, suggesting the right spelling and listing the column operators', () => {
    expectProblem(
      { delay: { gte: 5 } },
      'filters.delay.gte',
      `unknown operator "gte" (did you mean "ge"?); ${INT4_OPERATORS}`,
    )
    expectProblem({ delay: { foo: 5 } }, 'filters.delay.foo', `unknown operator "foo"; ${INT4_OPERATORS}`)
  })

  it.each([
    ['$like', 'like'],
    ['EQ', 'eq'],
    ['regex', '$regex'],
    ['exists', '$exists'],
    ['$between', 'between'],
    ['neq', 'ne'],
    ['nin', 'not_in'],
  ])('suggests %s → %s', (typed, suggested) => {
    expect(rejectionOf({ origin: { [typed]: 'x' } }).message).toContain(
      `unknown operator "${typed}" (did you mean "${suggested}"?)`,
    )
  })

  it('tells that a column operator at the filter level belongs inside a column', () => {
    expectProblem(
      { $gt: 5 },
      'filters.$gt',
      '$gt is a column operator; put it inside a column: { "<column>": { "$gt": … } }',
    )
  })

  it('rejects an unknown logical operator', () => {
    expectProblem(
      { $nor: [] },
      'filters.$nor',
      'unknown logical operator "$nor"; accepted: $and, $or, $not (or a column name)',
    )
  })

  it('points a bare "or" to "$or"', () => {
    expect(rejectionOf({ or: [{ delay: 1 }] }).message).toMatch(
      /unknown column "or" .*\. For the logical operator write "\$or"$/,
    )
  })

  it('quotes a path segment that is not a plain name', () => {
    expectProblem(
      { 'dep time': { gt: '25:00' } },
      'filters["dep time"].gt',
      '"25:00" is not a time; column "dep time" (time without time zone) accepts a time "HH:MM[:SS[.ffffff]]"',
    )
  })
})

describe('parseFilter: values', () => {
  it('rejects a string that is not a number for an integer column', () => {
    expectProblem({ delay: { gt: 'abc' } }, 'filters.delay.gt', `"abc" is not an integer; ${INT4_ACCEPTS}`)
  })

  it('rejects an integer out of the column type range', () => {
    expectProblem({ delay: 3000000000 }, 'filters.delay', `3000000000 is out of range; ${INT4_ACCEPTS}`)
    expect(rejectionOf({ distance: { eq: 40000 } }).message).toBe(
      'filters.distance.eq: 40000 is out of range; column "distance" (smallint) accepts an integer from -32768 to 32767, as a JSON number or a string of digits',
    )
    expect(rejectionOf({ id: '9223372036854775808' }).message).toContain('"9223372036854775808" is out of range')
  })

  it('rejects a fraction for an integer column and a JSON number beyond 2^53', () => {
    expectProblem({ delay: 1.5 }, 'filters.delay', `1.5 is not an integer; ${INT4_ACCEPTS}`)
    expect(rejectionOf({ id: 2 ** 60 }).message).toContain(
      'is beyond the integers a JSON number holds exactly; send it as a string',
    )
  })

  it('rejects a decimal comma for a numeric column', () => {
    expectProblem(
      { fare: { lt: '12,50' } },
      'filters.fare.lt',
      '"12,50" is not a number; column "fare" (numeric(10,2)) accepts a number, as a JSON number or a decimal string such as "12.50" (or "NaN")',
    )
  })

  it('rejects a boolean for a float column and a number for a text column', () => {
    expect(rejectionOf({ speed: true }).message).toContain('filters.speed: true is not a number')
    expectProblem({ origin: 5 }, 'filters.origin', '5 is not a string; column "origin" (text) accepts a string')
  })

  it('rejects a string for a boolean column', () => {
    expectProblem(
      { cancelled: 'true' },
      'filters.cancelled',
      '"true" is not a JSON boolean; column "cancelled" (boolean) accepts true or false',
    )
  })

  it.each(['01/02/2001', '2001-02-29', '2001-13-01', '2001-1-1', '2001-01-01T00:00'])(
    'rejects %s for a date column',
    (day) => {
      expectProblem(
        { day: { ge: day } },
        'filters.day.ge',
        `${JSON.stringify(day)} is not a date; column "day" (date) accepts a date "YYYY-MM-DD" (or "infinity", "-infinity")`,
      )
    },
  )

  it('accepts 29 February of a leap year', () => {
    expect(parseFilter({ day: '2000-02-29' }, flights).kind).toBe('Comparison')
  })

  it('rejects an offset for a timestamp without time zone, and accepts it for timestamptz', () => {
    expect(rejectionOf({ date: { gt: '2001-01-01T00:00:00Z' } }).message).toBe(
      'filters.date.gt: "2001-01-01T00:00:00Z" has a time zone offset, which PostgreSQL ignores for a timestamp without time zone; ' +
        'column "date" (timestamp without time zone) accepts a date-time "YYYY-MM-DD HH:MM[:SS[.ffffff]]" or a date "YYYY-MM-DD", without a time zone offset',
    )
    expect(parseFilter({ departed_at: { gt: '2001-01-01T00:00:00+02:00' } }, flights).kind).toBe('Comparison')
  })

  it('rejects a malformed UUID', () => {
    expect(rejectionOf({ trip_id: 'abc' }).message).toBe(
      'filters.trip_id: "abc" is not a UUID; column "trip_id" (uuid) accepts a UUID such as "123e4567-e89b-12d3-a456-426614174000"',
    )
  })

  it('rejects a NUL character in a string', () => {
    expect(rejectionOf({ origin: 'a\u0000b' }).message).toContain('holds a NUL character')
  })

  it('rejects an object value under a column operator', () => {
    expect(rejectionOf({ delay: { eq: { x: 1 } } }).message).toContain('filters.delay.eq: an object is not an integer')
  })

  it('rejects null for an ordering operator', () => {
    expectProblem(
      { delay: { gt: null } },
      'filters.delay.gt',
      'gt needs a value: null is neither greater nor less than anything; use is_null',
    )
  })
})

describe('parseFilter: operators that do not fit the column', () => {
  it('rejects like on a non-text column, listing what the column accepts', () => {
    expectProblem(
      { delay: { like: '1%' } },
      'filters.delay.like',
      'like does not apply to column "delay" (integer); it accepts: eq, ne, gt, ge, lt, le, between, in, not_in, is_null, is_not_null',
    )
  })

  it('lists the Mongo-style operators for a Mongo-style mistake', () => {
    expectProblem(
      { delay: { $regex: '^1' } },
      'filters.delay.$regex',
      '$regex does not apply to column "delay" (integer); it accepts: $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists',
    )
  })

  it('rejects ordering on a boolean column', () => {
    expectProblem(
      { cancelled: { gt: false } },
      'filters.cancelled.gt',
      'gt does not apply to column "cancelled" (boolean); it accepts: eq, ne, in, not_in, is_null, is_not_null',
    )
  })

  it('allows only null checks on json and array columns, shorthand included', () => {
    expectProblem(
      { meta: 'x' },
      'filters.meta',
      'eq does not apply to column "meta" (jsonb); it accepts: is_null, is_not_null',
    )
    expectProblem(
      { tags: { in: ['a'] } },
      'filters.tags.in',
      'in does not apply to column "tags" (text[]); it accepts: is_null, is_not_null',
    )
    expect(parseFilter({ meta: { $exists: true }, tags: null }, flights).kind).toBe('And')
  })
})

describe('parseFilter: operator values', () => {
  it('rejects between without two values', () => {
    expectProblem(
      { delay: { between: [1] } },
      'filters.delay.between',
      'between takes two values [low, high], both included; got an array of 1',
    )
    expectProblem(
      { delay: { between: 5 } },
      'filters.delay.between',
      'between takes two values [low, high], both included; got 5',
    )
  })

  it('rejects a null or invalid between bound at its index', () => {
    expectProblem(
      { delay: { between: [1, null] } },
      'filters.delay.between[1]',
      'a between bound cannot be null; use gt/lt for an open range',
    )
    expectProblem(
      { delay: { between: ['x', 2] } },
      'filters.delay.between[0]',
      `"x" is not an integer; ${INT4_ACCEPTS}`,
    )
  })

  it('rejects an empty in list and a list that is not an array', () => {
    expectProblem({ delay: { in: [] } }, 'filters.delay.in', 'in takes at least one value; the list is empty')
    expectProblem({ delay: { $nin: 5 } }, 'filters.delay.$nin', '$nin takes an array of values such as [1, 2]; got 5')
  })

  it('rejects null and bad values in a list at their index', () => {
    const error = rejectionOf({ delay: { not_in: [1, null, 'x'] } })
    expect(error.detail?.issues).toEqual([
      {
        path: 'filters.delay.not_in[1]',
        at: ['filters', 'delay', 'not_in', 1],
        message: 'null cannot be in a not_in list; add { "is_not_null": true } with $and/$or',
      },
      {
        path: 'filters.delay.not_in[2]',
        at: ['filters', 'delay', 'not_in', 2],
        message: `"x" is not an integer; ${INT4_ACCEPTS}`,
      },
    ])
  })

  it('rejects a non-boolean for is_null, is_not_null and $exists', () => {
    expectProblem({ delay: { is_null: 'yes' } }, 'filters.delay.is_null', 'is_null takes true or false; got "yes"')
    expectProblem({ delay: { is_not_null: 1 } }, 'filters.delay.is_not_null', 'is_not_null takes true or false; got 1')
    expectProblem({ delay: { $exists: null } }, 'filters.delay.$exists', '$exists takes true or false; got null')
  })

  it('rejects $options other than "i" or "", and $options without $regex', () => {
    expectProblem(
      { origin: { $regex: '^S', $options: 'm' } },
      'filters.origin.$options',
      '$options accepts "i" (case-insensitive) or ""; got "m"',
    )
    expectProblem({ origin: { $options: 'i' } }, 'filters.origin.$options', '$options applies only next to $regex')
  })

  it('rejects a $regex that is not a string', () => {
    expectProblem(
      { origin: { $regex: 5 } },
      'filters.origin.$regex',
      '5 is not a string; column "origin" (text) accepts a string',
    )
  })

  it('rejects an array directly under a column, an empty operator object and a bad column-level $not', () => {
    expectProblem(
      { origin: ['SEA'] },
      'filters.origin',
      'a list goes in an operator: { "in": [...] } or { "not_in": [...] }, not directly under a column',
    )
    expectProblem({ delay: {} }, 'filters.delay', `no operator given; ${INT4_OPERATORS}`)
    expectProblem(
      { delay: { $not: 5 } },
      'filters.delay.$not',
      '$not takes an object of operators such as { "$gt": 5 }; got 5',
    )
  })
})

describe('parseFilter: logical structure', () => {
  it('rejects a filter that is not an object', () => {
    expectProblem([], 'filters', 'a filter is an object such as { "delay": { "gt": 10 } }; got an empty array')
    expectProblem('delay > 5', 'filters', 'a filter is an object such as { "delay": { "gt": 10 } }; got "delay > 5"')
  })

  it('rejects $and/$or that are not non-empty arrays', () => {
    expectProblem(
      { $and: { delay: 1 } },
      'filters.$and',
      '$and takes a non-empty array of filter objects; got an object',
    )
    expectProblem({ $or: [] }, 'filters.$or', '$or takes a non-empty array of filter objects; got an empty array')
  })

  it('rejects an element of $and that is not an object, at its index', () => {
    expectProblem(
      { $and: [{ delay: 1 }, 5] },
      'filters.$and[1]',
      'a filter is an object such as { "delay": { "gt": 10 } }; got 5',
    )
  })

  it('rejects a $not given an array', () => {
    expectProblem(
      { $not: [{ delay: 1 }] },
      'filters.$not',
      'a filter is an object such as { "delay": { "gt": 10 } }; got an array of 1',
    )
  })

  it('reports a deep problem with its full path', () => {
    expectProblem(
      { $and: [{ origin: 'SEA' }, { $or: [{ delay: 1 }, { $not: { delay: { $gt: 'late' } } }] }] },
      'filters.$and[1].$or[1].$not.delay.$gt',
      `"late" is not an integer; ${INT4_ACCEPTS}`,
    )
  })

  it('refuses a filter nested deeper than 64 levels without exhausting the stack', () => {
    let filters: Record<string, unknown> = { delay: 1 }
    for (let i = 0; i < 10_000; i++) filters = { $not: filters }
    expect(rejectionOf(filters).message).toMatch(/^filters(\.\$not){63}: the filter is nested deeper than 64 levels$/)
    let condition: Record<string, unknown> = { $gt: 1 }
    for (let i = 0; i < 10_000; i++) condition = { $not: condition }
    expect(rejectionOf({ delay: condition }).message).toContain('the filter is nested deeper than 64 levels')
  })
})

describe('parseFilter: collecting problems', () => {
  it('reports every problem in order, naming the first three in the message', () => {
    const error = rejectionOf({ dely: 1, delay: { gt: 'x', like: 'a' }, $or: [{ origin: 5 }] })
    expect(error.detail?.path).toBe('filters.dely')
    expect((error.detail?.issues as { path: string }[]).map((issue) => issue.path)).toEqual([
      'filters.dely',
      'filters.delay.gt',
      'filters.delay.like',
      'filters.$or[0].origin',
    ])
    expect(error.message).toMatch(
      /^4 problems in the query: filters\.dely: unknown column .*; filters\.delay\.gt: .*; filters\.delay\.like: .*; and 1 more$/,
    )
  })

  it('keeps at most 50 problems and says so', () => {
    const filters = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`nope${i}`, 1]))
    const error = rejectionOf(filters)
    expect(error.detail?.issues).toHaveLength(50)
    expect(error.detail?.truncated).toBe(true)
    expect(error.message).toMatch(/^60 problems in the query: .*; and 57 more$/)
  })

  it('serializes to a transport body with code, message and detail', () => {
    const body = rejectionOf({ delay: 'x' }).toBody()
    expect(body.code).toBe('BAD_INPUT')
    expect(body.detail?.path).toBe('filters.delay')
    expect(JSON.parse(JSON.stringify(body))).toEqual(body)
  })
})
