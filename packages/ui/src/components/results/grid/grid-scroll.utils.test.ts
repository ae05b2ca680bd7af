import { describe, expect, it } from 'vitest'
import { offsetToShowRow, offsetToShowSpan, scrollScale, visibleRowRange, wheelPixels } from './grid-scroll.utils'

describe('scrollScale', () => {
  it('is the identity while the body fits', () => {
    const scale = scrollScale(2_600_000, 44, 500, 10_000_000)
    expect(scale.domBodyHeight).toBe(2_600_000)
    expect(scale.ratio).toBe(1)
    expect([scale.toVirtual(1234), scale.toDom(1234)]).toEqual([1234, 1234])
  })

  it('maps the last DOM scroll position of a capped body to the last virtual one (10 M rows)', () => {
    const body = 10_000_000 * 26
    const scale = scrollScale(body, 44, 500, 10_000_000)
    expect(scale.domBodyHeight).toBe(10_000_000)
    expect(scale.domMax).toBe(44 + 10_000_000 - 500)
    expect(scale.virtualMax).toBe(44 + body - 500)
    expect(scale.toVirtual(scale.domMax)).toBe(scale.virtualMax)
    expect(scale.ratio).toBeCloseTo(26, 0)
    expect(scale.toDom(scale.toVirtual(4321))).toBeCloseTo(4321)
    expect(scale.toVirtual(0)).toBe(0)
  })

  it('clamps offsets to the scroll range', () => {
    const scale = scrollScale(78_000_000, 44, 500, 10_000_000)
    expect(scale.toVirtual(-5)).toBe(0)
    expect(scale.toDom(scale.virtualMax * 2)).toBe(scale.domMax)
  })
})

describe('wheelPixels', () => {
  it('keeps pixel deltas as they are, whatever the scale', () => {
    expect(wheelPixels(100, 0, 26, 400)).toBe(100)
    expect(wheelPixels(-3.5, 0, 26, 400)).toBe(-3.5)
  })

  it('turns lines into rows and pages into the viewport height', () => {
    expect(wheelPixels(3, 1, 26, 400)).toBe(78)
    expect(wheelPixels(-1, 2, 26, 400)).toBe(-400)
  })
})

describe('visibleRowRange', () => {
  it('covers the viewport with overscan, within the rows', () => {
    expect(visibleRowRange(0, 10, 26, 1000, 4)).toEqual({ first: 0, end: 15 })
    expect(visibleRowRange(26 * 500 + 13, 10, 26, 1000, 4)).toEqual({ first: 496, end: 515 })
    expect(visibleRowRange(26 * 995, 10, 26, 1000, 4)).toEqual({ first: 991, end: 1000 })
  })

  it('reaches the last of 10 million rows', () => {
    const scale = scrollScale(10_000_000 * 26, 44, 544, 10_000_000)
    const range = visibleRowRange(scale.toVirtual(scale.domMax), 500 / 26, 26, 10_000_000, 0)
    expect(range.end).toBe(10_000_000)
  })
})

describe('offsetToShowRow', () => {
  it('scrolls as little as possible to bring a row into view', () => {
    expect(offsetToShowRow(5, 0, 26, 260)).toBe(0)
    expect(offsetToShowRow(12, 0, 26, 260)).toBe(13 * 26 - 260)
    expect(offsetToShowRow(3, 26 * 10, 26, 260)).toBe(3 * 26)
  })
})

describe('offsetToShowSpan', () => {
  it('keeps a column clear of the pinned ones on the left and of the right edge', () => {
    expect(offsetToShowSpan(300, 100, 0, 500, 60)).toBe(0)
    expect(offsetToShowSpan(600, 100, 0, 500, 60)).toBe(200)
    expect(offsetToShowSpan(300, 100, 280, 500, 60)).toBe(240)
  })
})
