import type { PlanNode } from '../../api/contract/plan.js'
import { flattenPlan } from '../plan-walk.js'

const round = (value: number, digits: number): number => {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

/**
 * How many processes share the loops of `node`: outside a parallel section 1; below a Gather its launched
 * workers plus the leader (unless `parallel_leader_participation` is off or the Gather is `Single Copy`); a node
 * reporting per-worker numbers counts its workers plus the leader when the leader ran loops of its own.
 */
function participantsOf(node: PlanNode, inherited: number): number {
  if (node.workers === undefined || node.workers.length === 0 || node.actual === null) return inherited
  const workerLoops = node.workers.reduce((sum, worker) => sum + worker.loops, 0)
  return node.workers.length + (node.actual.loops > workerLoops ? 1 : 0)
}

function gatherParticipants(node: PlanNode, leaderParticipates: boolean): number {
  const workers = node.workersLaunched ?? node.workersPlanned ?? 0
  const leader = leaderParticipates && node.properties['Single Copy'] !== 'true' ? 1 : 0
  return Math.max(1, workers + leader)
}

/**
 * Inclusive time: PostgreSQL prints `actual time` as an average per loop, so the node's total is
 * `Actual Total Time × Actual Loops`; below a Gather the loops of all participants run at the same time, so the
 * sum is divided by the number of participants (a mean per process, comparable with the Gather's wall time).
 */
function setInclusive(node: PlanNode, participants: number, leaderParticipates: boolean): void {
  if (node.neverExecuted) node.inclusiveMs = 0
  else if (node.actual !== null && node.actual.totalMs !== null) {
    const divisor = participantsOf(node, participants)
    node.inclusiveMs = round((node.actual.totalMs * node.actual.loops) / divisor, 3)
  }
  const isGather = node.nodeType === 'Gather' || node.nodeType === 'Gather Merge'
  const childParticipants = isGather ? gatherParticipants(node, leaderParticipates) : participants
  for (const child of node.children) setInclusive(child, childParticipants, leaderParticipates)
}

/**
 * Exclusive time = inclusive − the children's inclusive time. A CTE runs inside the CTE Scans that read it, not
 * inside the node it hangs under, so its time is taken from those scans (in plan order, each up to its own
 * time) instead of from its parent. Negative results (rounding, parallel means) become 0.
 */
function setExclusive(root: PlanNode): void {
  const nodes = flattenPlan(root)
  for (const node of nodes) {
    if (node.inclusiveMs === null) continue
    const children = node.children.filter((child) => !child.subplanName?.startsWith('CTE '))
    node.exclusiveMs = node.inclusiveMs - children.reduce((sum, child) => sum + (child.inclusiveMs ?? 0), 0)
  }
  for (const cte of nodes.filter((node) => node.subplanName?.startsWith('CTE '))) {
    let budget = cte.inclusiveMs ?? 0
    const name = cte.subplanName?.slice(4)
    for (const scan of nodes.filter((node) => node.nodeType === 'CTE Scan' && node.cteName === name)) {
      const take = Math.min(budget, scan.inclusiveMs ?? 0)
      if (scan.exclusiveMs !== null) scan.exclusiveMs -= take
      budget -= take
    }
  }
  for (const node of nodes) if (node.exclusiveMs !== null) node.exclusiveMs = round(Math.max(0, node.exclusiveMs), 3)
}

/** Estimated against actual rows per loop; null when within 0.5 %, not analyzed or never executed. */
function misestimateOf(node: PlanNode): PlanNode['misestimate'] {
  if (node.actual === null || node.planRows === null) return null
  const actual = Math.max(node.actual.rows, 1)
  const estimated = Math.max(node.planRows, 1)
  const factor = round(Math.max(actual, estimated) / Math.min(actual, estimated), 2)
  if (factor === 1) return null
  return { factor, direction: actual > estimated ? 'under' : 'over' }
}

/**
 * Fills the derived numbers of every node: `inclusiveMs`, `exclusiveMs` (ms), `exclusiveCost` (total cost minus
 * the children's total cost, ≥ 0; for a Nested Loop it keeps the cost of rescanning its inner side) and
 * `misestimate`. Mutates the freshly built tree.
 */
export function computeNodeMetrics(root: PlanNode, settings: Record<string, string>): void {
  setInclusive(root, 1, settings['parallel_leader_participation'] !== 'off')
  setExclusive(root)
  for (const node of flattenPlan(root)) {
    if (node.totalCost !== null) {
      const children = node.children.reduce((sum, child) => sum + (child.totalCost ?? 0), 0)
      node.exclusiveCost = round(Math.max(0, node.totalCost - children), 2)
    }
    node.misestimate = misestimateOf(node)
  }
}
