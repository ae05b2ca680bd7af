import type { PlanNode } from '../api/contract/plan.js'

/** Every node of the tree in preorder (the order of their ids). */
export function flattenPlan(root: PlanNode): PlanNode[] {
  const nodes: PlanNode[] = []
  const visit = (node: PlanNode): void => {
    nodes.push(node)
    node.children.forEach(visit)
  }
  visit(root)
  return nodes
}

/** Nodes by id, to follow `parentId` upwards. */
export function indexPlan(root: PlanNode): Map<number, PlanNode> {
  return new Map(flattenPlan(root).map((node) => [node.id, node]))
}

/** The ancestors of `node`, nearest first. */
export function ancestorsOf(node: PlanNode, byId: ReadonlyMap<number, PlanNode>): PlanNode[] {
  const result: PlanNode[] = []
  let parentId = node.parentId
  while (parentId !== null) {
    const parent = byId.get(parentId)
    if (parent === undefined) break
    result.push(parent)
    parentId = parent.parentId
  }
  return result
}

/** The nodes below `node` (not itself), in preorder. */
export function descendantsOf(node: PlanNode): PlanNode[] {
  return node.children.flatMap(flattenPlan)
}

/** True for a child that is a CTE, InitPlan or SubPlan: a separate query level, not an input row source. */
export function isSubplan(node: PlanNode): boolean {
  return node.parentRelationship === 'InitPlan' || node.parentRelationship === 'SubPlan'
}
