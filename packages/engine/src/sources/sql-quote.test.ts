import { describe, expect, it } from 'vitest'
import { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.js'

describe('quoteIdent', () => {
  it('always double-quotes, keeping case and reserved words', () => {
    expect(quoteIdent('flights')).toBe('"flights"')
    expect(quoteIdent('Order')).toBe('"Order"')
    expect(quoteIdent('select')).toBe('"select"')
  })

  it('doubles inner double quotes', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"')
    expect(quoteIdent('"; DROP TABLE x; --')).toBe('"""; DROP TABLE x; --"')
  })

  it('rejects an empty name and NUL characters', () => {
    expect(() => quoteIdent('')).toThrow(/invalid SQL identifier/)
    expect(() => quoteIdent('a\0b')).toThrow(/invalid SQL identifier/)
  })

  it('qualifies a name with its schema', () => {
    expect(quoteQualified('raw_shop', 'Orders')).toBe('"raw_shop"."Orders"')
  })
})

describe('quoteLiteral', () => {
  it('single-quotes and doubles inner single quotes', () => {
    expect(quoteLiteral('127.0.0.1')).toBe("'127.0.0.1'")
    expect(quoteLiteral("O'Hare")).toBe("'O''Hare'")
    expect(quoteLiteral("x'); DROP SERVER s; --")).toBe("'x''); DROP SERVER s; --'")
    expect(quoteLiteral('')).toBe("''")
  })

  it('writes a value with a backslash as an E literal with doubled backslashes', () => {
    expect(quoteLiteral('C:\\data\\a.csv')).toBe("E'C:\\\\data\\\\a.csv'")
    expect(quoteLiteral("a\\'b")).toBe("E'a\\\\''b'")
  })

  it('rejects NUL characters', () => {
    expect(() => quoteLiteral('a\0')).toThrow(/NUL/)
  })
})
