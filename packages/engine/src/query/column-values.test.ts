import { describe, expect, it } from 'vitest'
import { classifyColumnType } from './column-types.js'
import { describeValue, findValueProblem } from './column-values.js'

const accepts = (type: string, value: unknown) => findValueProblem(classifyColumnType(type), value) === undefined

describe('findValueProblem', () => {
  it.each<[string, unknown[], unknown[]]>([
    [
      'integer',
      [0, -5, 2147483647, -2147483648, '42', '-7', '+7', 3.0],
      [1.5, '1.5', '', ' 1', '1e3', 2147483648, true, 'abc', NaN],
    ],
    ['bigint', ['9223372036854775807', Number.MAX_SAFE_INTEGER], ['9223372036854775808', 2 ** 53, 1e30]],
    ['smallint', [32767, '-32768'], [32768, '-32769']],
    ['numeric(10,2)', [1.5, '12.50', '-.5', '1e-3', 'NaN', 0], ['12,50', '', 'abc', true, Infinity, 'Infinity']],
    ['double precision', [1.5, '1e10', 'NaN', 'Infinity', '-infinity'], ['1,5', false, 'inf']],
    ['text', ['', 'SEA', "O'Hare"], [5, true, null, 'a\u0000b']],
    ['boolean', [true, false], ['true', 1, 0, 't']],
    [
      'date',
      ['2001-01-01', '2000-02-29', '9999-12-31', 'infinity', '-Infinity'],
      ['2001-02-29', '2001-00-10', '2001-01-32', '01-01-2001', 20010101, '2001-01-01 10:00'],
    ],
    [
      'timestamp without time zone',
      ['2001-01-01', '2001-01-01 10:00', '2001-01-01T10:00:59', '2001-01-01 10:00:00.123456', 'infinity'],
      ['2001-01-01T10:00Z', '2001-01-01 10:00+02', '2001-01-01 24:00', '2001-01-01 10:00:00.1234567', '2001-01-01T10'],
    ],
    [
      'timestamp with time zone',
      ['2001-01-01', '2001-01-01T10:00:00Z', '2001-01-01 10:00:00+02:00', '2001-01-01T10:00-0530', '2001-01-01T10:00'],
      ['2001-01-01T10:00:00 UTC', '2001-01-01T10:00:00+25:00', 'yesterday'],
    ],
    ['time without time zone', ['10:00', '23:59:59.999999', '00:00:00'], ['24:00', '10:60', '10', '10:00Z']],
    ['time with time zone', ['10:00', '10:00:00+02', '10:00Z'], ['10:00 PST']],
    ['interval', ['1 day', 'P1DT2H', '01:00:00'], ['', '  ', 5]],
    [
      'uuid',
      ['123e4567-e89b-12d3-a456-426614174000', '123E4567-E89B-12D3-A456-426614174000'],
      ['123e4567e89b12d3a456426614174000', 'abc', 5],
    ],
    ['flight_status', ['late', 5, true], [null, {}, [], NaN]],
    ['jsonb', [], ['{}', 5]],
  ])('%s accepts %j and rejects %j', (type, good, bad) => {
    for (const value of good) expect(accepts(type, value), `${type} accepts ${String(value)}`).toBe(true)
    for (const value of bad) expect(accepts(type, value), `${type} rejects ${String(value)}`).toBe(false)
  })
})

describe('describeValue', () => {
  it.each<[unknown, string]>([
    ['abc', '"abc"'],
    [5, '5'],
    [null, 'null'],
    [[], 'an empty array'],
    [[1, 2], 'an array of 2'],
    [{ a: 1 }, 'an object'],
    [new Date(0), 'a Date object'],
    [NaN, 'NaN'],
    [undefined, 'undefined'],
    ['x'.repeat(100), `"${'x'.repeat(38)}…`],
  ])('describes %j as %s', (value, text) => {
    expect(describeValue(value)).toBe(text)
  })
})
