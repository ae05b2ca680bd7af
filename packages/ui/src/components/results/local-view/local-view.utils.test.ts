import {
  Bool,
  DateDay,
  Decimal,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  Utf8,
  makeData,
  vectorFromArray,
} from 'apache-arrow'
import type { DataType } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { extractColumnKeys, keyShape } from './column-keys.utils'
import { compileFilter, daysFromCivil, parseScaled, parseTimestampNanos } from './filter-constant.utils'
import type { LocalFilter, LocalSort } from './local-view.types'
import { buildViewIndex } from './view-index.utils'

/** Unscaled decimals as little-endian 32-bit words, 4 per value (128 bits). */
function decimalWords(values: bigint[]): Uint32Array {
  const words = new Uint32Array(values.length * 4)
  values.forEach((value, row) => {
    let rest = BigInt.asUintN(128, value)
    for (let w = 0; w < 4; w++) {
      words[row * 4 + w] = Number(rest & 0xffff_ffffn)
      rest >>= 32n
    }
  })
  return words
}

function validity(valid: boolean[]): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(valid.length / 8))
  valid.forEach((ok, i) => {
    if (ok) bitmap[i >> 3]! |= 1 << (i & 7)
  })
  return bitmap
}

/** Six rows in two batches (4 + 2): id Int64, name Utf8, price numeric(10,2), at timestamp(µs, UTC). */
function sample(): RecordBatch[] {
  const ids = [3n, -9_007_199_254_740_993n, 42n, 9_007_199_254_740_993n, 0n, 7n]
  const names = ['pear', null, 'Apple', 'apple', 'banana', 'cherry']
  const prices = [1250n, 99n, null, -500n, 1250n, 100_000n]
  const times = [1_700_000_000_000_000n, null, 1_600_000_000_000_000n, 1_700_000_000_000_001n, 0n, -1n]
  const decimal = new Decimal(2, 10, 128)
  const timestamp = new TimestampMicrosecond('UTC')
  const schema = new Schema([
    new Field('id', new Int64(), false),
    new Field('name', new Utf8(), true),
    new Field('price', decimal, true),
    new Field('at', timestamp, true),
  ])
  const batch = (from: number, to: number): RecordBatch => {
    const length = to - from
    const priceValid = prices.slice(from, to).map((p) => p !== null)
    const timeValid = times.slice(from, to).map((t) => t !== null)
    const children = [
      makeData({ type: new Int64(), length, data: BigInt64Array.from(ids.slice(from, to)) }),
      vectorFromArray(names.slice(from, to), new Utf8()).data[0]!,
      makeData({
        type: decimal,
        length,
        nullCount: priceValid.filter((ok) => !ok).length,
        nullBitmap: validity(priceValid),
        data: decimalWords(prices.slice(from, to).map((p) => p ?? 0n)),
      }),
      makeData({
        type: timestamp,
        length,
        nullCount: timeValid.filter((ok) => !ok).length,
        nullBitmap: validity(timeValid),
        data: BigInt64Array.from(times.slice(from, to).map((t) => t ?? 0n)),
      }),
    ]
    return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, children }))
  }
  return [batch(0, 4), batch(4, 6)]
}

const batches = sample()
const schema = batches[0]!.schema

function view(filters: LocalFilter[], sort: LocalSort | null, rowCount = 6): number[] {
  const compiled = filters.map((filter) => {
    const result = compileFilter(filter, schema.fields[filter.column]!.type as DataType)
    if ('error' in result) throw new Error(result.error)
    return result
  })
  const columns: Record<number, NonNullable<ReturnType<typeof extractColumnKeys>>> = {}
  for (const column of new Set([...filters.map((f) => f.column), ...(sort ? [sort.column] : [])])) {
    columns[column] = extractColumnKeys(batches, column, rowCount)!
  }
  return [...buildViewIndex({ rowCount, filters: compiled, sort, columns })]
}

describe('local sort on Arrow vectors', () => {
  it('sorts Int64 exactly beyond 2^53, across batches', () => {
    expect(view([], { column: 0, direction: 'asc' })).toEqual([1, 4, 0, 5, 2, 3])
    expect(view([], { column: 0, direction: 'desc' })).toEqual([3, 2, 5, 0, 4, 1])
  })

  it('sorts Utf8 bytewise (C collation), NULLs last ascending and first descending', () => {
    expect(view([], { column: 1, direction: 'asc' })).toEqual([2, 3, 4, 5, 0, 1])
    expect(view([], { column: 1, direction: 'desc' })).toEqual([1, 0, 5, 4, 3, 2])
  })

  it('sorts decimals by value with negative numbers first, ties in result order', () => {
    expect(view([], { column: 2, direction: 'asc' })).toEqual([3, 1, 0, 4, 5, 2])
  })

  it('sorts timestamps before and after the epoch', () => {
    expect(view([], { column: 3, direction: 'asc' })).toEqual([5, 4, 2, 0, 3, 1])
  })

  it('sorts only the rows loaded so far', () => {
    expect(view([], { column: 0, direction: 'asc' }, 3)).toEqual([1, 0, 2])
  })
})

describe('local filter on Arrow vectors', () => {
  it('compares Int64 and decimals exactly, adjusting constants more precise than the column', () => {
    expect(view([{ column: 0, op: 'gt', value: '9007199254740992' }], null)).toEqual([3])
    expect(view([{ column: 2, op: 'eq', value: '12.50' }], null)).toEqual([0, 4])
    expect(view([{ column: 2, op: 'gt', value: '12.499' }], null)).toEqual([0, 4, 5])
    expect(view([{ column: 2, op: 'eq', value: '12.499' }], null)).toEqual([])
    expect(view([{ column: 2, op: 'lt', value: '-4.999' }], null)).toEqual([3])
  })

  it('finds text case-insensitively and skips NULLs as SQL does', () => {
    expect(view([{ column: 1, op: 'contains', value: 'APP' }], null)).toEqual([2, 3])
    expect(view([{ column: 1, op: 'not_contains', value: 'app' }], null)).toEqual([0, 4, 5])
    expect(view([{ column: 1, op: 'ne', value: 'pear' }], null)).toEqual([2, 3, 4, 5])
  })

  it('filters timestamps by the text the grid shows, and by NULL', () => {
    expect(view([{ column: 3, op: 'ge', value: '2023-11-14 22:13:20' }], null)).toEqual([0, 3])
    expect(view([{ column: 3, op: 'is_null', value: '' }], null)).toEqual([1])
    expect(view([{ column: 3, op: 'lt', value: '1970-01-01' }], null)).toEqual([5])
  })

  it('combines filters and a sort', () => {
    expect(
      view(
        [
          { column: 2, op: 'is_not_null', value: '' },
          { column: 0, op: 'ge', value: '0' },
        ],
        { column: 2, direction: 'desc' },
      ),
    ).toEqual([5, 0, 4, 3])
  })

  it('refuses values that do not fit the column', () => {
    expect(compileFilter({ column: 0, op: 'eq', value: 'abc' }, new Int64())).toEqual({
      error: '"abc" is not a Int64 value',
    })
    expect(compileFilter({ column: 0, op: 'contains', value: 'x' }, new Int64())).toHaveProperty('error')
  })
})

describe('key extraction', () => {
  it('flattens small integers, floats, booleans and day dates to numbers', () => {
    const table = new Table({
      n: vectorFromArray([3, null, 1], new Int32()),
      f: vectorFromArray([0.5, -1, NaN], new Float64()),
      b: vectorFromArray([true, false, null], new Bool()),
      d: vectorFromArray([new Date(Date.UTC(2020, 0, 2)), new Date(0), null], new DateDay()),
    })
    const keys = [0, 1, 2, 3].map((column) => extractColumnKeys(table.batches, column, 3))
    expect(keys.map((k) => k?.kind)).toEqual(['number', 'number', 'number', 'number'])
    expect(keys[0]?.nulls).toEqual(Uint8Array.of(0, 1, 0))
    expect(keys[2]?.kind === 'number' && [...keys[2].values]).toEqual([1, 0, 0])
    expect(keys[3]?.kind === 'number' && keys[3].values[0]).toBe(daysFromCivil(2020, 1, 2))
    const floats = buildViewIndex({
      rowCount: 3,
      filters: [],
      sort: { column: 1, direction: 'asc' },
      columns: { 1: keys[1]! },
    })
    expect([...floats]).toEqual([1, 0, 2])
  })

  it('refuses nested types', () => {
    expect(keyShape(new List(new Field('item', new Int32())))).toBeNull()
  })
})

describe('constant parsing', () => {
  it('reads decimals rounded down with an exactness flag', () => {
    expect(parseScaled('12.345', 2)).toEqual({ value: 1234n, exact: false })
    expect(parseScaled('-12.345', 2)).toEqual({ value: -1235n, exact: false })
    expect(parseScaled('7', 2)).toEqual({ value: 700n, exact: true })
    expect(parseScaled('x', 2)).toBeNull()
  })

  it('reads timestamps as UTC unless an offset is given', () => {
    expect(parseTimestampNanos('1970-01-02')).toBe(86_400_000_000_000n)
    expect(parseTimestampNanos('1970-01-01 01:00:00+01:00')).toBe(0n)
    expect(parseTimestampNanos('1970-01-01T00:00:00.5Z')).toBe(500_000_000n)
    expect(parseTimestampNanos('yesterday')).toBeNull()
  })
})
