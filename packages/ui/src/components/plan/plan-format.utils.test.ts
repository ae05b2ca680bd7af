import { describe, expect, it } from 'vitest'
import {
  formatCost,
  formatMisestimate,
  formatPlanMs,
  formatPlanRows,
  formatRatio,
  formatShare,
} from './plan-format.utils'

describe('plan figures', () => {
  it('formats times, costs and rows for tight columns', () => {
    expect([
      formatPlanMs(0.0034),
      formatPlanMs(12.345),
      formatPlanMs(412.4),
      formatPlanMs(2612),
      formatPlanMs(null),
    ]).toEqual(['0.003 ms', '12.3 ms', '412 ms', '2.61 s', '–'])
    expect([formatCost(5998.42), formatCost(2.5), formatCost(0), formatCost(1_234_567), formatCost(null)]).toEqual([
      '5,998',
      '2.50',
      '0',
      '1.2M',
      '–',
    ])
    expect([formatPlanRows(1602), formatPlanRows(0.5), formatPlanRows(3_000_000)]).toEqual(['1,602', '0.5', '3M'])
  })

  it('formats misestimates, shares and ratios', () => {
    expect(formatMisestimate({ factor: 534.2, direction: 'under' })).toBe('534× under')
    expect(formatMisestimate({ factor: 2, direction: 'over' })).toBe('2× over')
    expect(formatMisestimate({ factor: 12.5, direction: 'over' })).toBe('13× over')
    expect(formatMisestimate(null)).toBe('')
    expect(formatMisestimate({ factor: 1.02, direction: 'under' })).toBe('≈ exact')
    expect([formatShare(0.4375), formatShare(0.012), formatShare(0.0001), formatShare(0)]).toEqual([
      '44%',
      '1.2%',
      '<0.1%',
      '0%',
    ])
    expect([formatRatio(2.13), formatRatio(0.45), formatRatio(1), formatRatio(31.6), formatRatio(null)]).toEqual([
      '×2.1',
      '×0.45',
      '=',
      '×32',
      '',
    ])
  })
})
