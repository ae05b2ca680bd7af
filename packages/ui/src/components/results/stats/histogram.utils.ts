/** Equal-width bins over a numeric range: bin `i` covers `[start + i·width, start + (i+1)·width)`. */
export interface BinLayout {
  start: number
  width: number
  count: number
}

/** Steps a "nice" bin width is made of, times a power of ten. */
const NICE_STEPS = [1, 2, 2.5, 5, 10]

/**
 * The smallest "nice" width (1, 2, 2.5 or 5 × 10^k) of at least `raw`; with `integer` at least 1 and whole.
 */
export function niceWidth(raw: number, integer: boolean): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = NICE_STEPS.find((candidate) => candidate * power >= raw * (1 - 1e-12)) ?? 10
  const width = step * power
  return integer ? Math.max(1, Math.ceil(width)) : width
}

/**
 * Bins for values in `[min, max]`: at most `maxBins` of a nice width (`niceWidth`) starting at a multiple of
 * it, so the edges read well (`0, 50, 100…`). `integer` keeps widths whole (integer columns). With `nice` false
 * the range is cut into `maxBins` equal parts (timestamps, whose edges are shown as dates). A single value
 * gets one bin.
 */
export function binLayout(min: number, max: number, maxBins: number, integer: boolean, nice = true): BinLayout {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return { start: 0, width: 1, count: 0 }
  if (max === min) return { start: min, width: integer ? 1 : Math.max(Math.abs(min) * 1e-9, 1e-9), count: 1 }
  if (!nice) {
    const width = (max - min) / maxBins
    return { start: min, width: integer ? Math.max(1, Math.ceil(width)) : width, count: maxBins }
  }
  let width = niceWidth((max - min) / maxBins, integer)
  let start = Math.floor(min / width) * width
  let count = Math.floor((max - start) / width) + 1
  while (count > maxBins) {
    width = niceWidth(width * 1.0001, integer)
    start = Math.floor(min / width) * width
    count = Math.floor((max - start) / width) + 1
  }
  return { start, width, count }
}

/** The bin of `value` under `layout`, clamped to the first and last bin (the maximum lands in the last). */
export function binOf(value: number, layout: BinLayout): number {
  return Math.min(layout.count - 1, Math.max(0, Math.floor((value - layout.start) / layout.width)))
}

/** Rows per bin, plus the rows left of the first bin and right of the last one (tails cut off the plot). */
export interface BinTally {
  counts: number[]
  below: number
  above: number
}

/**
 * Counts per bin from `{ bin, count }` rows (as SQL `GROUP BY bin` answers), missing bins as 0; bins under 0
 * add to `below`, bins from `binCount` on to `above`.
 */
export function tallyBins(rows: readonly { bin: number; count: number }[], binCount: number): BinTally {
  const tally: BinTally = { counts: new Array<number>(binCount).fill(0), below: 0, above: 0 }
  for (const { bin, count } of rows) {
    if (bin < 0) tally.below += count
    else if (bin >= binCount) tally.above += count
    else tally.counts[bin] = (tally.counts[bin] ?? 0) + count
  }
  return tally
}

/**
 * The range a histogram plots: the whole `[min, max]`, or the central `[low, high]` quantiles when the tails
 * are long (the central range is under half of the whole), so a few outliers do not squash every bar into one.
 */
export function plotRange(
  min: number,
  max: number,
  low: number | null,
  high: number | null,
): { from: number; to: number; clipped: boolean } {
  if (low === null || high === null || !(high > low) || high - low >= (max - min) / 2)
    return { from: min, to: max, clipped: false }
  return { from: low, to: high, clipped: true }
}
