import type { ForeignScanReport, Plan, PlanNode, PlanWarning, WarningSeverity } from '../../api/contract/plan.js'
import { ancestorsOf, flattenPlan, indexPlan, isSubplan } from '../plan-walk.js'

/** postgres_fdw `fetch_size` of foreign servers that set one: server name → rows per round trip. */
export type FetchSizes = Readonly<Record<string, number>>

/** The fetch_size advised for large transfers (rows per round trip). */
const ADVISED_FETCH_SIZE = 10_000

/** A warning before the node's label is attached. */
type NodeWarning = Omit<PlanWarning, 'node'>

/** Share of the execution time (or of the root's cost without ANALYZE) from which a node is flagged. */
export const SHARE_THRESHOLDS = { info: 0.25, warning: 0.5 } as const
/** Below this execution time (ms) no node is flagged as slow: the shares are noise. */
export const SLOW_MIN_MS = 1
/** Misestimation factors: 10× info, 100× warning, 1000× critical. */
export const MISESTIMATE_THRESHOLDS = { info: 10, warning: 100, critical: 1000 } as const
/** A filter is flagged from this many rows removed, when it removes at least half of its input. */
export const ROWS_REMOVED_MIN = 1000
/** A Foreign Scan is flagged when it fetches at least `TRANSFER_MIN_ROWS` rows and `TRANSFER_RATIO`× the result. */
export const TRANSFER_MIN_ROWS = 10_000
/** See `TRANSFER_MIN_ROWS`. */
export const TRANSFER_RATIO = 100
/** From this many fetched rows postgres_fdw's fetch_size matters even without a ratio. */
export const LARGE_TRANSFER_ROWS = 100_000

const percent = (share: number): string => `${Math.round(share * 100)}%`
const formatRows = (rows: number): string => Math.round(rows).toLocaleString('en-US')
const rowsText = (rows: number): string => `${formatRows(rows)} ${Math.round(rows) === 1 ? 'row' : 'rows'}`

function shareSeverity(share: number): WarningSeverity | null {
  if (share >= SHARE_THRESHOLDS.warning) return 'warning'
  return share >= SHARE_THRESHOLDS.info ? 'info' : null
}

function shareWarnings(plan: Plan, nodes: PlanNode[]): NodeWarning[] {
  if (nodes.length < 2) return []
  const total = plan.analyzed ? (plan.executionMs ?? plan.root.inclusiveMs) : plan.root.totalCost
  if (total === null || total <= 0 || (plan.analyzed && total < SLOW_MIN_MS)) return []
  return nodes.flatMap((node): NodeWarning[] => {
    const own = plan.analyzed ? node.exclusiveMs : node.exclusiveCost
    const severity = own === null ? null : shareSeverity(own / total)
    if (own === null || severity === null) return []
    const message = plan.analyzed
      ? `${node.label} takes ${percent(own / total)} of the execution time (${own} ms of ${total} ms, children excluded)`
      : `${node.label} carries ${percent(own / total)} of the estimated cost (${own} of ${total}, children excluded)`
    return [{ nodeId: node.id, kind: plan.analyzed ? 'slow_node' : 'costly_node', severity, message }]
  })
}

/** Fewer rows than estimated is expected below a Limit, a Merge Join or as the inner side of a semi/anti join. */
function mayStopEarly(node: PlanNode, byId: Map<number, PlanNode>): boolean {
  const parent = node.parentId === null ? undefined : byId.get(node.parentId)
  if (parent?.nodeType === 'Merge Join') return true
  if (/Semi|Anti/.test(parent?.joinType ?? '') && node.parentRelationship === 'Inner') return true
  return ancestorsOf(node, byId).some((ancestor) => ancestor.nodeType === 'Limit')
}

function misestimateAdvice(node: PlanNode, fdws: Map<number, string | null>): string | undefined {
  if (node.nodeType === 'Foreign Scan') {
    const fdw = fdws.get(node.id)
    return fdw === 'postgres_fdw' || fdw === null
      ? "ANALYZE the foreign table, or set use_remote_estimate 'true' on its server so the planner asks the source"
      : 'ANALYZE the foreign table so the hub has statistics'
  }
  if (node.relation !== null && (node.filter ?? node.indexCond ?? '').includes(' AND ')) {
    return 'ANALYZE the table; for correlated columns in one condition add CREATE STATISTICS (dependencies, mcv) on them'
  }
  return node.relation === null ? undefined : 'ANALYZE the table'
}

/** A Hash, Materialize or Sort passes its input's rows on: its misestimate is reported on that input. */
function inheritsMisestimate(node: PlanNode): boolean {
  const inputs = node.children.filter((child) => !isSubplan(child))
  const input = inputs[0]
  return (
    inputs.length === 1 &&
    input !== undefined &&
    input.planRows === node.planRows &&
    input.actual?.rows === node.actual?.rows
  )
}

function misestimateWarnings(
  nodes: PlanNode[],
  byId: Map<number, PlanNode>,
  fdws: Map<number, string | null>,
): NodeWarning[] {
  return nodes.flatMap((node): NodeWarning[] => {
    const found = node.misestimate
    if (found === null || node.actual === null || found.factor < MISESTIMATE_THRESHOLDS.info) return []
    if ((found.direction === 'over' && mayStopEarly(node, byId)) || inheritsMisestimate(node)) return []
    const severity: WarningSeverity =
      found.factor >= MISESTIMATE_THRESHOLDS.critical
        ? 'critical'
        : found.factor >= MISESTIMATE_THRESHOLDS.warning
          ? 'warning'
          : 'info'
    const what = found.direction === 'under' ? 'under-estimate' : 'over-estimate'
    const advice = misestimateAdvice(node, fdws)
    return [
      {
        nodeId: node.id,
        kind: 'misestimate',
        severity,
        message: `${node.label}: estimated ${rowsText(node.planRows ?? 0)}, got ${rowsText(node.actual.rows)} per loop (${Math.round(found.factor)}× ${what})`,
        ...(advice !== undefined && { advice }),
      },
    ]
  })
}

function rowsRemovedWarnings(nodes: PlanNode[]): NodeWarning[] {
  return nodes.flatMap((node): NodeWarning[] => {
    if (node.actual === null || node.rowsRemovedByFilter === undefined) return []
    const removed = node.rowsRemovedByFilter * node.actual.loops
    const kept = node.actual.rows * node.actual.loops
    if (removed < ROWS_REMOVED_MIN || removed < kept) return []
    const foreign = node.nodeType === 'Foreign Scan'
    return [
      {
        nodeId: node.id,
        kind: 'rows_removed',
        severity: foreign ? 'warning' : 'info',
        message: foreign
          ? `${node.label}: ${formatRows(removed)} of ${formatRows(removed + kept)} fetched rows were discarded by a filter the hub applied`
          : `${node.label}: the filter removed ${formatRows(removed)} of ${formatRows(removed + kept)} rows`,
        advice: foreign
          ? 'Make the filter shippable so the source discards those rows (see the filter verdict of this scan)'
          : 'An index on the filtered columns could avoid reading these rows',
      },
    ]
  })
}

/** postgres_fdw fetch_size advice for `server`, or null when its fetch_size is already large. */
function fetchSizeAdvice(server: string | null, fetchSizes: FetchSizes): string | null {
  const current = server === null ? undefined : fetchSizes[server]
  if (current !== undefined && current >= ADVISED_FETCH_SIZE) return null
  const name = server ?? '<server>'
  return current === undefined
    ? `raise fetch_size (100 rows per round trip by default): ALTER SERVER ${name} OPTIONS (ADD fetch_size '${ADVISED_FETCH_SIZE}')`
    : `raise fetch_size (${current} rows per round trip now): ALTER SERVER ${name} OPTIONS (SET fetch_size '${ADVISED_FETCH_SIZE}')`
}

function transferWarnings(
  plan: Plan,
  byId: Map<number, PlanNode>,
  scans: ForeignScanReport[],
  fetchSizes: FetchSizes,
): NodeWarning[] {
  const root = plan.root
  const result = root.actual === null ? (root.planRows ?? 0) : root.actual.rows * root.actual.loops
  return scans.flatMap((report): NodeWarning[] => {
    const node = byId.get(report.nodeId)
    if (node === undefined) return []
    const fetched = node.actual === null ? (node.planRows ?? 0) : node.actual.rows * node.actual.loops
    const megabytes = (fetched * (node.planWidth ?? 0)) / 1e6
    const estimated = node.actual === null ? 'an estimated ' : ''
    const fetchSize = report.fdw === 'postgres_fdw' ? fetchSizeAdvice(report.server, fetchSizes) : null
    const base = `${node.label} fetches ${estimated}${formatRows(fetched)} rows (≈${megabytes.toFixed(1)} MB) from ${report.server ?? 'its source'}`
    if (fetched >= TRANSFER_MIN_ROWS && fetched >= TRANSFER_RATIO * Math.max(result, 1)) {
      return [
        {
          nodeId: node.id,
          kind: 'remote_transfer',
          severity: 'warning',
          message: `${base} for a result of ${rowsText(result)}`,
          advice: `Send more of the query to the source (see the clauses this scan leaves to the hub)${fetchSize === null ? '' : `, and ${fetchSize}`}`,
        },
      ]
    }
    if (fetched >= LARGE_TRANSFER_ROWS && fetchSize !== null) {
      return [
        {
          nodeId: node.id,
          kind: 'remote_transfer',
          severity: 'info',
          message: base,
          advice: `Fewer round trips: ${fetchSize}`,
        },
      ]
    }
    return []
  })
}

/**
 * Flags nodes worth a look: a large share of the execution time (ANALYZE, from 1 ms on) or of the estimated cost
 * (≥ 25 % info, ≥ 50 % warning), row misestimates (≥ 10× info, 100× warning, 1000× critical; over-estimates below a Limit, a
 * Merge Join or a semi-join's inner side are expected and skipped), filters that discard most of their input
 * (a warning on a Foreign Scan: those rows crossed the network for nothing), and Foreign Scans that fetch far more
 * rows than the query returns (with fetch_size advice for postgres_fdw servers whose `fetchSizes` entry is absent or
 * below 10 000).
 */
export function planWarnings(plan: Plan, scans: ForeignScanReport[], fetchSizes: FetchSizes = {}): PlanWarning[] {
  const nodes = flattenPlan(plan.root)
  const byId = indexPlan(plan.root)
  const fdws = new Map(scans.map((scan) => [scan.nodeId, scan.fdw]))
  return [
    ...shareWarnings(plan, nodes),
    ...misestimateWarnings(nodes, byId, fdws),
    ...rowsRemovedWarnings(nodes),
    ...transferWarnings(plan, byId, scans, fetchSizes),
  ]
    .sort((a, b) => a.nodeId - b.nodeId)
    .map((warning) => ({ ...warning, node: byId.get(warning.nodeId)?.label ?? `node #${warning.nodeId}` }))
}
