import type { Misestimate } from '@idw/engine/api'
import { formatCompactCount, formatCount } from '../../format/format.utils'

/** A node time in ms as plans show it: `0.004 ms`, `12.3 ms`, `412 ms`, `2.61 s`; `–` when unknown. */
export function formatPlanMs(ms: number | null): string {
  if (ms === null) return '–'
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`
  if (ms >= 100) return `${Math.round(ms)} ms`
  if (ms >= 1) return `${ms.toPrecision(3)} ms`
  return `${ms.toFixed(3)} ms`
}

/** Planner cost units: whole and grouped up to a million (`5,998`), compact beyond (`1.2M`); `–` when unknown. */
export function formatCost(cost: number | null): string {
  if (cost === null) return '–'
  if (cost >= 1e6) return formatCompactCount(cost)
  if (cost > 0 && cost < 10) return cost.toFixed(2)
  return formatCount(Math.round(cost))
}

/** Rows: grouped up to a million (`12,345`), compact beyond (`3M`); fractional per-loop rows keep one decimal. */
export function formatPlanRows(rows: number | null): string {
  if (rows === null) return '–'
  if (rows >= 1e6) return formatCompactCount(rows)
  if (!Number.isInteger(rows)) return rows.toFixed(1)
  return formatCount(rows)
}

/** A misestimation as a badge text: `54× under` (more rows than estimated), `8× over`, `≈ exact` within 10 %. */
export function formatMisestimate(misestimate: Misestimate | null): string {
  if (misestimate === null) return ''
  if (misestimate.factor < 1.1) return '≈ exact'
  const factor = misestimate.factor >= 100 ? formatCompactCount(misestimate.factor) : misestimate.factor.toPrecision(2)
  return `${factor.replace(/\.0$/, '')}× ${misestimate.direction}`
}

/** A share in [0, 1] as a percentage: `44%`, `0.4%`, `<0.1%`. */
export function formatShare(share: number | null): string {
  if (share === null) return ''
  const percent = share * 100
  if (percent >= 10) return `${Math.round(percent)}%`
  if (percent >= 0.1) return `${percent.toFixed(1)}%`
  return percent > 0 ? '<0.1%' : '0%'
}

/** A later figure against an earlier one: `×2.1`, `×0.45`, `=` when equal; '' when unknown. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) return ''
  if (Math.abs(ratio - 1) < 0.005) return '='
  return `×${ratio >= 10 ? Math.round(ratio) : ratio.toPrecision(2)}`
}
