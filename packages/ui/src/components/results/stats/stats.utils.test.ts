import { DateDay, Decimal, Float64, Int32, TimestampMicrosecond, Utf8 } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { binLayout, binOf, niceWidth, plotRange, tallyBins } from './histogram.utils'
import { histogramSql, sqlNumber, statsKind, summarySql, topValuesSql } from './stats-sql.utils'

describe('niceWidth', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceWidth(0.7, false)).toBe(1)
    expect(niceWidth(13, false)).toBe(20)
    expect(niceWidth(2.2, false)).toBe(2.5)
    expect(niceWidth(420, false)).toBe(500)
    expect(niceWidth(0.031, false)).toBeCloseTo(0.05)
  })

  it('keeps integer columns in whole steps', () => {
    expect(niceWidth(0.3, true)).toBe(1)
    expect(niceWidth(2.2, true)).toBe(3)
  })
})

describe('binLayout', () => {
  it('lays nice bins over the range, the maximum in the last bin', () => {
    const layout = binLayout(-87, 1631, 24, true)
    expect(layout).toEqual({ start: -100, width: 100, count: 18 })
    expect(binOf(-87, layout)).toBe(0)
    expect(binOf(1631, layout)).toBe(17)
    expect(layout.count).toBeLessThanOrEqual(24)
  })

  it('cuts times into equal parts when edges need not be nice', () => {
    expect(binLayout(0, 1000, 10, true, false)).toEqual({ start: 0, width: 100, count: 10 })
  })

  it('gives a single value one bin and an empty range none', () => {
    expect(binLayout(5, 5, 24, true)).toEqual({ start: 5, width: 1, count: 1 })
    expect(binLayout(NaN, 5, 24, false).count).toBe(0)
  })

  it('never exceeds the bin budget', () => {
    for (const [min, max] of [
      [0, 1],
      [0.001, 0.0237],
      [-1e9, 3e9],
      [17, 18],
    ] as const) {
      const layout = binLayout(min, max, 12, false)
      expect(layout.count).toBeLessThanOrEqual(12)
      expect(binOf(max, layout)).toBe(layout.count - 1)
      expect(layout.start).toBeLessThanOrEqual(min)
    }
  })
})

describe('tallyBins', () => {
  it('places grouped counts in their bins, missing ones as zero, tails aside', () => {
    expect(
      tallyBins(
        [
          { bin: -1, count: 3 },
          { bin: 0, count: 4 },
          { bin: 2, count: 1 },
          { bin: 4, count: 2 },
        ],
        4,
      ),
    ).toEqual({
      counts: [4, 0, 1, 0],
      below: 3,
      above: 2,
    })
  })
})

describe('plotRange', () => {
  it('plots the central range when the tails are long, else everything', () => {
    expect(plotRange(-1116, 1688, -38, 220)).toEqual({ from: -38, to: 220, clipped: true })
    expect(plotRange(0, 100, 1, 99)).toEqual({ from: 0, to: 100, clipped: false })
    expect(plotRange(0, 100, null, null)).toEqual({ from: 0, to: 100, clipped: false })
  })
})

describe('stats SQL', () => {
  it('classifies columns', () => {
    expect([new Int32(), new Float64(), new Decimal(2, 10, 128)].map(statsKind)).toEqual([
      'numeric',
      'numeric',
      'numeric',
    ])
    expect([new DateDay(), new TimestampMicrosecond('UTC')].map(statsKind)).toEqual(['temporal', 'temporal'])
    expect(statsKind(new Utf8())).toBe('categorical')
  })

  it('summarises with nulls, distinct values, min/max and a binned range', () => {
    expect(summarySql('categorical')).toBe(
      'SELECT count(*)::BIGINT AS row_count, count(v)::BIGINT AS non_null, count(DISTINCT v)::BIGINT AS distinct_values, ' +
        'min(v)::VARCHAR AS min_text, max(v)::VARCHAR AS max_text FROM idw_column_stats',
    )
    expect(summarySql('numeric')).toContain('min(v::DOUBLE) AS lo, max(v::DOUBLE) AS hi, avg(v::DOUBLE) AS mean')
    expect(summarySql('temporal')).toContain('min(epoch_ms(v::TIMESTAMP)::DOUBLE) AS lo')
  })

  it('bins with the layout as literals, tails in bins -1 and count', () => {
    expect(histogramSql('numeric', { start: -100, width: 100, count: 18 })).toBe(
      'SELECT CASE WHEN v::DOUBLE < -100 THEN -1 WHEN v::DOUBLE > 1700 THEN 18 ' +
        'ELSE least(floor((v::DOUBLE - -100) / 100), 17) END::INTEGER AS bin, count(*)::BIGINT AS n ' +
        'FROM idw_column_stats WHERE v IS NOT NULL GROUP BY 1 ORDER BY 1',
    )
    expect(summarySql('numeric')).toContain(
      'quantile_cont(v::DOUBLE, 0.005) AS q_low, quantile_cont(v::DOUBLE, 0.995) AS q_high',
    )
    expect(topValuesSql(8)).toContain('ORDER BY n DESC, value LIMIT 8')
    expect(() => sqlNumber(Infinity)).toThrow(RangeError)
  })
})
