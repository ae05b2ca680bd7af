import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Field,
  Float64,
  Int32,
  Int64,
  IntervalMonthDayNano,
  List,
  Struct,
  TimeMicrosecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  Utf8,
  Vector,
  makeData,
  vectorFromArray,
} from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { formatDecimal, formatHex, formatInterval, formatValue, isNumericType, readCell } from './cell-text.utils'

const text = (vector: Vector, index: number): string | null => formatValue(readCell(vector, index), vector.type)

describe('formatValue on Arrow columns', () => {
  it('prints Int64 bigints exactly and NULL as null', () => {
    const vector = vectorFromArray([9_007_199_254_740_993n, null, -5n], new Int64())
    expect([text(vector, 0), text(vector, 1), text(vector, 2)]).toEqual(['9007199254740993', null, '-5'])
  })

  it('applies a Decimal128 scale, negative values included', () => {
    const words = new Uint32Array([12345, 0, 0, 0, 0xffffff9c, 0xffffffff, 0xffffffff, 0xffffffff])
    const vector = new Vector([makeData({ type: new Decimal(2, 12, 128), length: 2, data: words })])
    expect([text(vector, 0), text(vector, 1)]).toEqual(['123.45', '-1.00'])
  })

  it('prints floats, booleans and strings', () => {
    expect(text(vectorFromArray([0.1 + 0.2], new Float64()), 0)).toBe('0.30000000000000004')
    expect(text(vectorFromArray([Number.NaN], new Float64()), 0)).toBe('NaN')
    expect(text(vectorFromArray([true, false], new Bool()), 1)).toBe('false')
    expect(text(vectorFromArray(['{"a": 1}'], new Utf8()), 0)).toBe('{"a": 1}')
  })

  it('prints dates as YYYY-MM-DD', () => {
    const vector = vectorFromArray([new Date(Date.UTC(2024, 1, 29))], new DateDay())
    expect(text(vector, 0)).toBe('2024-02-29')
  })

  it('keeps the microseconds of a timestamp without zone', () => {
    const data = makeData({
      type: new TimestampMicrosecond(),
      length: 1,
      data: new BigInt64Array([1_700_000_000_123_456n]),
    })
    expect(text(new Vector([data]), 0)).toBe('2023-11-14 22:13:20.123456')
  })

  it('prints a timestamp with zone in that zone with its offset', () => {
    const micros = new BigInt64Array([1_700_000_000_500_000n])
    const utc = new Vector([makeData({ type: new TimestampMicrosecond('UTC'), length: 1, data: micros })])
    const paris = new Vector([makeData({ type: new TimestampMicrosecond('Europe/Paris'), length: 1, data: micros })])
    const fixed = new Vector([makeData({ type: new TimestampMicrosecond('-05:30'), length: 1, data: micros })])
    expect(text(utc, 0)).toBe('2023-11-14 22:13:20.5+00:00')
    expect(text(paris, 0)).toBe('2023-11-14 23:13:20.5+01:00')
    expect(text(fixed, 0)).toBe('2023-11-14 16:43:20.5-05:30')
  })

  it('prints millisecond timestamps from the getter value', () => {
    const data = makeData({ type: new TimestampMillisecond(), length: 1, data: new BigInt64Array([-1n]) })
    expect(text(new Vector([data]), 0)).toBe('1969-12-31 23:59:59.999')
  })

  it('prints times of day with their fraction', () => {
    const data = makeData({ type: new TimeMicrosecond(), length: 1, data: new BigInt64Array([45_296_000_250n]) })
    expect(text(new Vector([data]), 0)).toBe('12:34:56.00025')
  })

  it('prints binary as hex and lists and structs as text', () => {
    const binary = makeData({
      type: new Binary(),
      length: 1,
      valueOffsets: new Int32Array([0, 3]),
      data: new Uint8Array([1, 171, 255]),
    })
    expect(text(new Vector([binary]), 0)).toBe('\\x01abff')
    const list = vectorFromArray([[1, null, 3]], new List(new Field('item', new Int32(), true)))
    expect(text(list, 0)).toBe('[1, NULL, 3]')
    const struct = vectorFromArray(
      [{ n: 1, s: 'a' }],
      new Struct([new Field('n', new Int32()), new Field('s', new Utf8())]),
    )
    expect(text(struct, 0)).toBe('{n: 1, s: "a"}')
  })

  it('prints intervals like PostgreSQL', () => {
    const data = makeData({ type: new IntervalMonthDayNano(), length: 1, data: new Int32Array([14, 3, 0, 0]) })
    expect(text(new Vector([data]), 0)).toBe('1 year 2 mons 3 days')
  })
})

describe('helpers', () => {
  it('formatDecimal handles scale 0, negative scale and leading zeros', () => {
    expect(formatDecimal([5, 0, 0, 0], 3)).toBe('0.005')
    expect(formatDecimal([42, 0, 0, 0], 0)).toBe('42')
    expect(formatDecimal([42, 0, 0, 0], -2)).toBe('4200')
  })

  it('formatHex cuts long values', () => {
    expect(formatHex(new Uint8Array(100)).endsWith('…')).toBe(true)
    expect(formatHex(new Uint8Array(100)).length).toBe(2 + 128 + 1)
  })

  it('formatInterval prints a clock part and zero', () => {
    const nanos = 3_723_500_000_000n
    const words = new Int32Array([0, 0, Number(nanos & 0xffffffffn) | 0, Number(nanos >> 32n)])
    expect(formatInterval(words, 2)).toBe('01:02:03.5')
    expect(formatInterval(new Int32Array(4), 2)).toBe('00:00:00')
  })

  it('isNumericType is true for ints, floats and decimals only', () => {
    expect([new Int64(), new Float64(), new Decimal(2, 10, 128), new Utf8()].map(isNumericType)).toEqual([
      true,
      true,
      true,
      false,
    ])
  })
})
