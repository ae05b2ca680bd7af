import { describe, expect, it } from 'vitest'
import { nextSplitValue } from './Splitter.utils'

describe('nextSplitValue', () => {
  it('moves a pixel size by the drag distance within bounds', () => {
    expect(nextSplitValue(280, 40, 1, 200, 560)).toBe(320)
    expect(nextSplitValue(280, -200, 1, 200, 560)).toBe(200)
    expect(nextSplitValue(280, 900, 1, 200, 560)).toBe(560)
  })

  it('converts pixels to a share of the container', () => {
    expect(nextSplitValue(0.4, 100, 1 / 1000, 0.15, 0.85)).toBeCloseTo(0.5)
    expect(nextSplitValue(0.4, -900, 1 / 1000, 0.15, 0.85)).toBe(0.15)
  })
})
