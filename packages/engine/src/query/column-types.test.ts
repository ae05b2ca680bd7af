import { describe, expect, it } from 'vitest'
import { classifyColumnType } from './column-types.js'

describe('classifyColumnType', () => {
  it.each([
    ['smallint', 'integer', 'int2'],
    ['integer', 'integer', 'int4'],
    ['bigint', 'integer', 'int8'],
    ['int4', 'integer', 'int4'],
    ['numeric', 'numeric', 'numeric'],
    ['numeric(10,2)', 'numeric', 'numeric'],
    ['numeric(5, -2)', 'numeric', 'numeric'],
    ['real', 'float', 'float4'],
    ['double precision', 'float', 'float8'],
    ['text', 'text', 'text'],
    ['character varying(20)', 'text', 'text'],
    ['character varying', 'text', 'text'],
    ['character(6)', 'text', 'bpchar'],
    ['name', 'text', 'name'],
    ['citext', 'text', null],
    ['boolean', 'boolean', 'bool'],
    ['date', 'date', 'date'],
    ['timestamp without time zone', 'timestamp', 'timestamp'],
    ['timestamp(3) without time zone', 'timestamp', 'timestamp'],
    ['timestamp with time zone', 'timestamptz', 'timestamptz'],
    ['timestamp(6) with time zone', 'timestamptz', 'timestamptz'],
    ['time without time zone', 'time', 'time'],
    ['time(0) with time zone', 'timetz', 'timetz'],
    ['interval', 'interval', 'interval'],
    ['interval year to month', 'interval', 'interval'],
    ['interval(3)', 'interval', 'interval'],
    ['uuid', 'uuid', 'uuid'],
    ['json', 'json', null],
    ['jsonb', 'json', null],
    ['bytea', 'bytea', null],
    ['text[]', 'array', null],
    ['integer[]', 'array', null],
    ['flight_status', 'other', null],
    ['"Flight Status"', 'other', null],
    ['public."integer"', 'other', null],
    ['"char"', 'other', null],
    ['inet', 'other', null],
    ['intervals', 'other', null],
    ['  INTEGER ', 'integer', 'int4'],
  ])('classifies %s as %s with cast %s', (formatType, family, cast) => {
    expect(classifyColumnType(formatType)).toMatchObject({ family, cast })
  })

  it('keeps the range of each integer type', () => {
    expect(classifyColumnType('smallint').range).toEqual([-32768n, 32767n])
    expect(classifyColumnType('integer').range).toEqual([-2147483648n, 2147483647n])
    expect(classifyColumnType('bigint').range).toEqual([-9223372036854775808n, 9223372036854775807n])
    expect(classifyColumnType('numeric').range).toBeNull()
  })
})
