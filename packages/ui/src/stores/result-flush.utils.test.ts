import { describe, expect, it } from 'vitest'
import { flushInterval } from './result-flush.utils'

describe('flushInterval', () => {
  it('keeps the base interval for small results and grows with the rows up to 250 ms', () => {
    expect(flushInterval(100, 0)).toBe(100)
    expect(flushInterval(100, 100_000)).toBe(105)
    expect(flushInterval(100, 1_000_000)).toBe(150)
    expect(flushInterval(100, 10_000_000)).toBe(250)
  })
})
