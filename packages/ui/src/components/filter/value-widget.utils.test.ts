import { describe, expect, it } from 'vitest'
import { columnFamily, defaultOperator, operatorApplies, operatorsFor } from './filter-operators.utils'
import { chooseWidget, formatInputValue, htmlInputType, parseInputText } from './value-widget.utils'

describe('columnFamily', () => {
  it.each([
    ['integer', 'integer'],
    ['bigint', 'integer'],
    ['numeric(10,2)', 'numeric'],
    ['double precision', 'float'],
    ['character varying(20)', 'text'],
    ['boolean', 'boolean'],
    ['date', 'date'],
    ['timestamp(3) without time zone', 'timestamp'],
    ['timestamp with time zone', 'timestamptz'],
    ['time with time zone', 'timetz'],
    ['interval day to second', 'interval'],
    ['uuid', 'uuid'],
    ['jsonb', 'json'],
    ['text[]', 'array'],
    ['"MyEnum"', 'other'],
  ])('classifies %s as %s', (type, family) => {
    expect(columnFamily(type)).toBe(family)
  })
})

describe('operators by family', () => {
  it('offers ordering and text operators only where they apply', () => {
    expect(operatorApplies('like', 'text')).toBe(true)
    expect(operatorApplies('like', 'integer')).toBe(false)
    expect(operatorApplies('gt', 'boolean')).toBe(false)
    expect(operatorApplies('$regex', 'text')).toBe(true)
    expect(operatorsFor('json').map((info) => info.name)).toEqual(['is_null', 'is_not_null', '$exists'])
    expect(operatorsFor('boolean').map((info) => info.name)).toEqual([
      'eq',
      'ne',
      'in',
      'not_in',
      'is_null',
      'is_not_null',
      '$eq',
      '$ne',
      '$in',
      '$nin',
      '$exists',
    ])
    expect(defaultOperator('integer')).toBe('eq')
    expect(defaultOperator('bytea')).toBe('is_not_null')
  })
})

describe('chooseWidget', () => {
  it.each([
    ['date', 'gt', { kind: 'single', input: 'date' }],
    ['timestamp', 'between', { kind: 'pair', input: 'datetime' }],
    ['timestamptz', 'le', { kind: 'single', input: 'datetime' }],
    ['integer', 'in', { kind: 'list', input: 'integer' }],
    ['numeric', 'not_in', { kind: 'list', input: 'decimal' }],
    ['float', 'eq', { kind: 'single', input: 'decimal' }],
    ['boolean', 'eq', { kind: 'single', input: 'boolean' }],
    ['text', 'ilike', { kind: 'single', input: 'text' }],
    ['uuid', '$nin', { kind: 'list', input: 'uuid' }],
    ['time', 'ge', { kind: 'single', input: 'time' }],
    ['integer', 'is_null', { kind: 'none' }],
    ['text', 'is_not_null', { kind: 'none' }],
    ['json', '$exists', { kind: 'flag' }],
  ] as const)('a %s column with %s gets %o', (family, operator, widget) => {
    expect(chooseWidget(family, operator)).toEqual(widget)
  })
})

describe('parseInputText', () => {
  it('keeps integers exact: numbers while safe, digit strings beyond', () => {
    expect(parseInputText('integer', ' 42 ')).toBe(42)
    expect(parseInputText('integer', '-7')).toBe(-7)
    expect(parseInputText('integer', '9223372036854775807')).toBe('9223372036854775807')
    expect(parseInputText('integer', '007')).toBe('007')
    expect(parseInputText('integer', '4.5')).toBeUndefined()
    expect(parseInputText('integer', '')).toBeUndefined()
  })

  it('keeps decimals as typed when a number would change them', () => {
    expect(parseInputText('decimal', '12.5')).toBe(12.5)
    expect(parseInputText('decimal', '12.50')).toBe('12.50')
    expect(parseInputText('decimal', '1e3')).toBe('1e3')
    expect(parseInputText('decimal', 'NaN')).toBe('NaN')
    expect(parseInputText('decimal', 'abc')).toBeUndefined()
  })

  it('reads booleans, date-times with a space and text as typed', () => {
    expect(parseInputText('boolean', 'true')).toBe(true)
    expect(parseInputText('boolean', 'false')).toBe(false)
    expect(parseInputText('datetime', '2024-01-02T10:30')).toBe('2024-01-02 10:30')
    expect(parseInputText('text', ' SFO ')).toBe(' SFO ')
    expect(parseInputText('date', '2024-01-02')).toBe('2024-01-02')
  })
})

describe('formatInputValue', () => {
  it('shows date-times the way datetime-local inputs read them', () => {
    expect(formatInputValue('datetime', '2024-01-02 10:30:15')).toBe('2024-01-02T10:30:15')
    expect(formatInputValue('datetime', '2024-01-02')).toBe('2024-01-02T00:00')
    expect(formatInputValue('datetime', '2024-01-02T10:30:00+02:00')).toBe('2024-01-02T10:30:00')
    expect(formatInputValue('integer', 12)).toBe('12')
    expect(formatInputValue('text', null)).toBe('')
    expect(htmlInputType('datetime')).toBe('datetime-local')
    expect(htmlInputType('decimal')).toBe('number')
  })
})
