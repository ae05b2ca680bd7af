import { describe, expect, it } from 'vitest'
import { murmur3 } from './murmur3.js'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('murmur3', () => {
  // Expected values from the C reference MurmurHash3_x86_32 (and mmh3.hash(..., signed=False)).
  it.each([
    ['', 0, 0],
    ['', 1, 1364076727],
    ['hello', 0, 613153351],
    ['foo', 0, 4138058784],
    ['abcd', 0, 1139631978],
    ['abcde', 0, 3902511862],
    ['abc', 4294967295, 4236296879],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 799549133],
    ['split:42', 7, 4032509178],
    ['sample:héllo wörld', 123, 2318671684],
  ])('hashes %j with seed %i like the reference', (text, seed, expected) => {
    const bytes = utf8(text)
    expect(murmur3(bytes, 0, bytes.length, seed)).toBe(expected)
  })

  it('hashes a window of a larger buffer', () => {
    const bytes = utf8('xxhelloyy')
    expect(murmur3(bytes, 2, 5, 0)).toBe(613153351)
  })
})
