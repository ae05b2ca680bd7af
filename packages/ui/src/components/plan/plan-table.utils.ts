import type { PlanNode } from '@idw/engine/api'
import { nodeRows } from './plan-rows.utils'

/** The sortable columns of the plan table. */
export type PlanSortKey =
  'id' | 'node' | 'exclusiveMs' | 'inclusiveMs' | 'rows' | 'misestimate' | 'exclusiveCost' | 'totalCost' | 'loops'

/** The value a node sorts by in `key`; unknown values (null) sort last in both directions. */
function sortValue(node: PlanNode, key: PlanSortKey): number | string | null {
  switch (key) {
    case 'id':
      return node.id
    case 'node':
      return node.label.toLowerCase()
    case 'exclusiveMs':
      return node.exclusiveMs
    case 'inclusiveMs':
      return node.inclusiveMs
    case 'rows':
      return nodeRows(node)
    case 'misestimate':
      return node.misestimate?.factor ?? null
    case 'exclusiveCost':
      return node.exclusiveCost
    case 'totalCost':
      return node.totalCost
    case 'loops':
      return node.actual?.loops ?? null
  }
}

/** The nodes sorted by `key` (`desc` for largest first), ties in plan order, unknown values last. */
export function sortPlanNodes(nodes: readonly PlanNode[], key: PlanSortKey, desc: boolean): PlanNode[] {
  return [...nodes].sort((a, b) => {
    const x = sortValue(a, key)
    const y = sortValue(b, key)
    if (x === null || y === null) return x === y ? a.id - b.id : x === null ? 1 : -1
    const order = x < y ? -1 : x > y ? 1 : 0
    return (desc ? -order : order) || a.id - b.id
  })
}
