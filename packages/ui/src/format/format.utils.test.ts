import { describe, expect, it } from 'vitest'
import { formatBytes, formatCompactCount, formatCount, formatDuration, formatRows, groupDigits } from './format.utils'

describe('groupDigits', () => {
  it('groups digits by three from the right', () => {
    expect(groupDigits(0)).toEqual(['0'])
    expect(groupDigits(52)).toEqual(['52'])
    expect(groupDigits(100_000)).toEqual(['100', '000'])
    expect(groupDigits(3_000_000)).toEqual(['3', '000', '000'])
  })
})

describe('formatCount and formatRows', () => {
  it('adds thousands separators and the right noun', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567')
    expect(formatRows(1)).toBe('1 row')
    expect(formatRows(0)).toBe('0 rows')
    expect(formatRows(100_000)).toBe('100,000 rows')
  })
})

describe('formatBytes', () => {
  it('uses decimal units with three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(1000)).toBe('1 kB')
    expect(formatBytes(1234)).toBe('1.23 kB')
    expect(formatBytes(45_600_000)).toBe('45.6 MB')
    expect(formatBytes(2_000_000_000)).toBe('2 GB')
  })
})

describe('formatDuration', () => {
  it('picks ms, s, min or h by magnitude', () => {
    expect(formatDuration(0)).toBe('0 ms')
    expect(formatDuration(412.4)).toBe('412 ms')
    expect(formatDuration(2614)).toBe('2.61 s')
    expect(formatDuration(12_340)).toBe('12.3 s')
    expect(formatDuration(65_000)).toBe('1 min 05 s')
    expect(formatDuration(3_720_000)).toBe('1 h 02 min')
  })
})

describe('formatCompactCount', () => {
  it('abbreviates thousands, millions and billions', () => {
    expect(formatCompactCount(950)).toBe('950')
    expect(formatCompactCount(3376)).toBe('3.4k')
    expect(formatCompactCount(52_000)).toBe('52k')
    expect(formatCompactCount(3_000_000)).toBe('3M')
    expect(formatCompactCount(1_250_000_000)).toBe('1.3B')
  })
})
