import { describe, expect, it } from 'vitest'
import { EngineError } from '../api/contract/errors.js'
import { encodeParameter, encodeParameters } from './parameter-text.js'

describe('encodeParameter', () => {
  it('sends scalars as PostgreSQL text input', () => {
    expect(encodeParameters(['SEA', 15, -2.5, 9007199254740993n, true, false, null, undefined])).toEqual([
      'SEA',
      '15',
      '-2.5',
      '9007199254740993',
      'true',
      'false',
      null,
      null,
    ])
    expect(encodeParameters([NaN, Infinity, -Infinity])).toEqual(['NaN', 'Infinity', '-Infinity'])
    expect(encodeParameter(new Date('2024-02-29T12:00:00Z'))).toBe('2024-02-29T12:00:00.000Z')
    expect(encodeParameter({ a: [1, 'é'] })).toBe('{"a":[1,"é"]}')
  })

  it('writes arrays as array literals with quoted, escaped elements', () => {
    expect(encodeParameter([1, 2, 3])).toBe('{"1","2","3"}')
    expect(encodeParameter(['a"b', 'c\\d', null, ''])).toBe('{"a\\"b","c\\\\d",NULL,""}')
    expect(encodeParameter([['x'], ['y']])).toBe('{{"x"},{"y"}}')
    expect(encodeParameter([Uint8Array.of(0, 255)])).toBe('{"\\\\x00ff"}')
  })

  it('sends bytes as a Buffer (binary format)', () => {
    const sent = encodeParameter(Uint8Array.of(1, 2))
    expect(Buffer.isBuffer(sent) && [...sent]).toEqual([1, 2])
  })

  it('refuses values PostgreSQL cannot read', () => {
    expect(() => encodeParameter(new Date('nope'))).toThrow(EngineError)
    expect(() => encodeParameter(() => 1)).toThrow(/function/)
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(() => encodeParameter(circular)).toThrow(/JSON/)
  })
})
