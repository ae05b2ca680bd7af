import type { PlanNode } from '@idw/engine/api'

/** One visible line of the plan tree: a node, how deep it is and which indentation guides cross its line. */
export interface PlanRow {
  node: PlanNode
  depth: number
  /**
   * One entry per ancestor level (`depth` entries): true where a vertical guide runs through this line, i.e.
   * the ancestor at that level still has siblings below. The last entry is this node's own connector.
   */
  guides: boolean[]
  /** True when the node is the last child of its parent (its connector ends here: └ rather than ├). */
  last: boolean
  hasChildren: boolean
  collapsed: boolean
}

/**
 * The lines the tree view shows, in preorder, skipping the descendants of nodes whose id is in `collapsed`.
 * Iterative, so a plan thousands of nodes deep does not exhaust the stack.
 */
export function flattenPlan(root: PlanNode, collapsed: ReadonlySet<number>): PlanRow[] {
  const rows: PlanRow[] = []
  const stack: { node: PlanNode; depth: number; guides: boolean[]; last: boolean }[] = [
    { node: root, depth: 0, guides: [], last: true },
  ]
  while (stack.length > 0) {
    const { node, depth, guides, last } = stack.pop()!
    const isCollapsed = collapsed.has(node.id) && node.children.length > 0
    rows.push({ node, depth, guides, last, hasChildren: node.children.length > 0, collapsed: isCollapsed })
    if (isCollapsed) continue
    const childGuides = depth === 0 ? [] : [...guides.slice(0, -1), !last]
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      const childLast = i === node.children.length - 1
      stack.push({ node: node.children[i]!, depth: depth + 1, guides: [...childGuides, !childLast], last: childLast })
    }
  }
  return rows
}

/** Every node of the tree in preorder (the order of their ids). */
export function planNodes(root: PlanNode): PlanNode[] {
  const nodes: PlanNode[] = []
  const stack = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    nodes.push(node)
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!)
  }
  return nodes
}

/** The ids of the ancestors of node `id`, root first; empty for the root or an unknown id. */
export function ancestorIds(root: PlanNode, id: number): number[] {
  const parents = new Map<number, number | null>(planNodes(root).map((node) => [node.id, node.parentId]))
  const ids: number[] = []
  let parent = parents.get(id) ?? null
  while (parent !== null) {
    ids.unshift(parent)
    parent = parents.get(parent) ?? null
  }
  return ids
}

/**
 * The nodes to show collapsed at first: none for plans up to `budget` nodes; beyond, every node deeper than the
 * deepest level that still fits in the budget, so a 1 000-node plan opens readable and every branch is one click
 * away.
 */
export function initialCollapse(root: PlanNode, budget = 120): Set<number> {
  const nodes = planNodes(root)
  if (nodes.length <= budget) return new Set()
  const depths = new Map<number, number>([[root.id, 0]])
  const perDepth: number[] = []
  for (const node of nodes) {
    const depth = node.parentId === null ? 0 : (depths.get(node.parentId) ?? 0) + 1
    depths.set(node.id, depth)
    perDepth[depth] = (perDepth[depth] ?? 0) + 1
  }
  let shown = 0
  let maxDepth = 0
  for (const [depth, count] of perDepth.entries()) {
    if (shown + count > budget && depth > 0) break
    shown += count
    maxDepth = depth
  }
  return new Set(
    nodes.filter((node) => depths.get(node.id) === maxDepth && node.children.length > 0).map((node) => node.id),
  )
}
