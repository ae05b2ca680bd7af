import { describe, expect, it } from 'vitest'
import { quoteIdentifier } from './quote-identifier.js'

describe('quoteIdentifier', () => {
  it.each([
    ['delay', '"delay"'],
    ['Origin', '"Origin"'],
    ['dep time', '"dep time"'],
    ['a"b', '"a""b"'],
    ['""', '""""""'],
    ['select', '"select"'],
    ['année', '"année"'],
    ["it's", `"it's"`],
  ])('quotes %s as %s', (name, quoted) => {
    expect(quoteIdentifier(name)).toBe(quoted)
  })

  it('rejects an empty name and a NUL character as INTERNAL', () => {
    expect(() => quoteIdentifier('')).toThrow(expect.objectContaining({ code: 'INTERNAL' }))
    expect(() => quoteIdentifier('a\u0000b')).toThrow(expect.objectContaining({ code: 'INTERNAL' }))
  })
})
