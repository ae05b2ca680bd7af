import type { PlanNode } from '@idw/engine/api'

/**
 * The rows a node gives over all its loops: with EXPLAIN ANALYZE the actual rows per loop × loops, else the
 * planner's estimate (per loop); null when the plan has neither. The table, the colours and the comparison show it.
 */
export function nodeRows(node: PlanNode): number | null {
  return node.actual === null ? node.planRows : node.actual.rows * node.actual.loops
}
