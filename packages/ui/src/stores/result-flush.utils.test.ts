import { describe, expect, it } from 'vitest'
import { flushInterval } from './result-flush.utils'

describe('flushInterval', () => {
  it('keeps the base interval for small results and grows with the rows up to 1 s', () => {
    expect(flushInterval(100, 0)).toBe(100)
    expect(flushInterval(100, 100_000)).toBe(120)
    expect(flushInterval(100, 1_000_000)).toBe(300)
    expect(flushInterval(100, 10_000_000)).toBe(1000)
  })
})
