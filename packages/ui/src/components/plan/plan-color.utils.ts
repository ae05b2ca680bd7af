import type { PlanNode } from '@idw/engine/api'
import { nodeRows } from './plan-rows.utils'

/** What the tree's colours show: exclusive time, exclusive cost, rows, or misestimation. */
export type ColorMetric = 'time' | 'cost' | 'rows' | 'misestimate'

/** The choices of the "colour by" select; `needsAnalyze` ones are empty without EXPLAIN ANALYZE. */
export const COLOR_METRICS: readonly { id: ColorMetric; label: string; needsAnalyze: boolean }[] = [
  { id: 'time', label: 'Exclusive time', needsAnalyze: true },
  { id: 'cost', label: 'Exclusive cost', needsAnalyze: false },
  { id: 'rows', label: 'Rows', needsAnalyze: false },
  { id: 'misestimate', label: 'Misestimation', needsAnalyze: true },
]

/**
 * The value a node is coloured by, or null when the plan does not have it:
 * - `time`: exclusive ms over all loops (ANALYZE with timing);
 * - `cost`: exclusive cost (planner units);
 * - `rows`: actual rows over all loops with ANALYZE, else estimated rows per loop;
 * - `misestimate`: the factor between estimated and actual rows (≥ 1; 1 = exact), only with ANALYZE.
 */
export function metricValue(node: PlanNode, metric: ColorMetric): number | null {
  switch (metric) {
    case 'time':
      return node.exclusiveMs
    case 'cost':
      return node.exclusiveCost
    case 'rows':
      return nodeRows(node)
    case 'misestimate':
      return node.misestimate?.factor ?? (node.actual === null ? null : 1)
  }
}

/** Misestimation at full colour: 1000× and beyond (the engine's highest warning level). */
const MISESTIMATE_FULL = 1000

/**
 * A heat in [0, 1] for each node, by `metric`: time and cost as a share of the largest value (a node taking 10×
 * less is 10× paler); rows on a log scale against the largest count (rows span many orders of magnitude);
 * misestimation on a log scale where 1000× is 1. Nodes without a value are left out of the map.
 */
export function heatByNode(nodes: readonly PlanNode[], metric: ColorMetric): Map<number, number> {
  const values = nodes.map((node) => [node.id, metricValue(node, metric)] as const)
  const present = values.filter((entry): entry is readonly [number, number] => entry[1] !== null)
  const max = Math.max(0, ...present.map(([, value]) => value))
  const heat = new Map<number, number>()
  for (const [id, value] of present) {
    let t: number
    if (metric === 'misestimate') t = Math.log10(Math.max(value, 1)) / Math.log10(MISESTIMATE_FULL)
    else if (metric === 'rows') t = max <= 0 ? 0 : Math.log10(value + 1) / Math.log10(max + 1)
    else t = max <= 0 ? 0 : value / max
    heat.set(id, Math.min(1, Math.max(0, t)))
  }
  return heat
}

/**
 * The colour of a heat: from a dull grey-amber (0) through amber to red (1), saturation growing with the heat, as
 * an `hsl()` string the tree uses for a node's bar and the tint of its line.
 */
export function heatColor(t: number): string {
  const clamped = Math.min(1, Math.max(0, t))
  const hue = 45 - 45 * clamped
  const saturation = 15 + 75 * Math.sqrt(clamped)
  const lightness = 48 + 12 * clamped
  return `hsl(${Math.round(hue)} ${Math.round(saturation)}% ${Math.round(lightness)}%)`
}

/**
 * A node's share of the whole plan for `metric` in [0, 1]: exclusive time over execution time, exclusive cost
 * over the root's total cost; null for other metrics or when a total is unknown.
 */
export function shareOfPlan(
  node: PlanNode,
  root: PlanNode,
  metric: ColorMetric,
  executionMs: number | null,
): number | null {
  if (metric === 'time') {
    const total = executionMs ?? root.inclusiveMs
    return node.exclusiveMs === null || total === null || total <= 0 ? null : node.exclusiveMs / total
  }
  if (metric === 'cost') {
    const total = root.totalCost
    return node.exclusiveCost === null || total === null || total <= 0 ? null : node.exclusiveCost / total
  }
  return null
}
