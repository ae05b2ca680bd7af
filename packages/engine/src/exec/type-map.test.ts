import { DataType, Type, type Decimal, type List, type Timestamp } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { PG_TYPE_METADATA_KEY } from '../api/contract/query.js'
import { numericTypmod, planColumn, type PgColumnType } from './type-map.js'

const NUMERIC = 1700
const numericMod = (p: number, s: number): number => ((p << 16) | (s & 0x7ff)) + 4

function plan(baseOid: number, baseTypmod = -1, elementOid: number | null = null, typeName = 't') {
  const column: PgColumnType = { name: 'col', typeName, baseOid, baseTypmod, elementOid }
  return planColumn(column)
}

describe('planColumn', () => {
  it('maps builtin scalar types to their Arrow types without a cast', () => {
    const expected: [number, Type][] = [
      [21, Type.Int],
      [23, Type.Int],
      [20, Type.Int],
      [26, Type.Int],
      [700, Type.Float],
      [701, Type.Float],
      [25, Type.Utf8],
      [1043, Type.Utf8],
      [1042, Type.Utf8],
      [19, Type.Utf8],
      [16, Type.Bool],
      [1082, Type.Date],
      [1114, Type.Timestamp],
      [1184, Type.Timestamp],
      [1083, Type.Time],
      [2950, Type.Utf8],
      [114, Type.Utf8],
      [3802, Type.Utf8],
      [17, Type.Binary],
    ]
    for (const [oid, typeId] of expected) {
      const codec = plan(oid)
      expect([oid, codec.field.typeId, codec.cast]).toEqual([oid, typeId, null])
    }
    expect((plan(1184).field.type as Timestamp).timezone).toBe('UTC')
    expect((plan(1114).field.type as Timestamp).timezone).toBeUndefined()
  })

  it('maps numeric(p,s) up to 38 digits to Decimal128 and other numerics to exact text', () => {
    const decimal = plan(NUMERIC, numericMod(20, 3))
    expect(decimal.value).toEqual({ kind: 'decimal', precision: 20, scale: 3 })
    expect(DataType.isDecimal(decimal.field.type) && (decimal.field.type as Decimal).bitWidth).toBe(128)
    for (const typmod of [-1, numericMod(39, 2), numericMod(5, -2), numericMod(2, 5)]) {
      expect(plan(NUMERIC, typmod).value.kind).toBe('numeric-text')
    }
  })

  it('casts types without a native decoder to text', () => {
    for (const oid of [1186, 869, 790, 18, 1266, 99999]) {
      const codec = plan(oid)
      expect([codec.field.typeId, codec.cast]).toEqual([Type.Utf8, 'text'])
    }
  })

  it('maps arrays to lists of their element, casting unknown elements to text[]', () => {
    const ints = plan(1007, -1, 23)
    expect([ints.list, ints.cast, (ints.field.type as List).valueType.typeId]).toEqual([true, null, Type.Int])
    const decimals = plan(1231, numericMod(10, 2), NUMERIC)
    expect((decimals.field.type as List).valueType.typeId).toBe(Type.Decimal)
    const intervals = plan(1187, -1, 1186)
    expect([intervals.cast, (intervals.field.type as List).valueType.typeId]).toEqual(['text[]', Type.Utf8])
  })

  it('keeps the PostgreSQL type name and marks JSON columns and elements with the arrow.json extension', () => {
    const json = plan(3802, -1, null, 'jsonb')
    expect(Object.fromEntries(json.field.metadata)).toEqual({
      [PG_TYPE_METADATA_KEY]: 'jsonb',
      'ARROW:extension:name': 'arrow.json',
    })
    const jsonArray = plan(199, -1, 114, 'json[]')
    expect(Object.fromEntries(jsonArray.field.metadata)).toEqual({ [PG_TYPE_METADATA_KEY]: 'json[]' })
    expect((jsonArray.field.type as List).children[0]!.metadata.get('ARROW:extension:name')).toBe('arrow.json')
  })
})

describe('numericTypmod', () => {
  it('decodes precision and signed scale', () => {
    expect(numericTypmod(-1)).toBeNull()
    expect(numericTypmod(numericMod(12, 2))).toEqual({ precision: 12, scale: 2 })
    expect(numericTypmod(numericMod(5, -3))).toEqual({ precision: 5, scale: -3 })
  })
})
