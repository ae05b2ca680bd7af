/**
 * Test support (not part of the app): real `ExplainAnalysis` objects, made by the engine's pure `analyzePlan` from
 * the EXPLAIN output captured on PostgreSQL 15 and 18 (`packages/engine/src/plan/fixtures/`).
 */
import type { ExplainAnalysis, PlanNode } from '@idw/engine/api'
import { analyzePlan } from '../../../../../engine/src/plan/analyze-plan'
import type { ForeignRelationMap } from '../../../../../engine/src/plan/pushdown/foreign-identity'

const FILES = import.meta.glob<unknown>('../../../../../engine/src/plan/fixtures/pg*/*.json', {
  eager: true,
  import: 'default',
})

function file(path: string): unknown {
  const found = FILES[`../../../../../engine/src/plan/fixtures/${path}`]
  if (found === undefined) throw new Error(`no plan fixture ${path}`)
  return found
}

/** The analysis of `<hub>/<scenario><suffix>`, e.g. `analyzedFixture('pg18', 'cross-source', '.analyze.json')`. */
export function analyzedFixture(hub: 'pg15' | 'pg18', scenario: string, suffix = '.analyze.json'): ExplainAnalysis {
  return analyzePlan(file(`${hub}/${scenario}${suffix}`), {
    relations: file(`${hub}/relations.json`) as ForeignRelationMap,
  })
}

/**
 * A synthetic plan of `count` nodes or more for size tests: an Append over copies of a real analyzed subtree,
 * renumbered in preorder.
 */
export function largePlan(count: number): ExplainAnalysis {
  const base = analyzedFixture('pg18', 'cross-source')
  const copies: PlanNode[] = []
  let size = 1
  while (size < count) {
    copies.push(structuredClone(base.plan.root))
    size += base.plan.nodeCount
  }
  const root: PlanNode = { ...structuredClone(base.plan.root), nodeType: 'Append', label: 'Append', children: copies }
  let next = 0
  const renumber = (node: PlanNode, parentId: number | null): void => {
    node.id = next++
    node.parentId = parentId
    for (const child of node.children) renumber(child, node.id)
  }
  renumber(root, null)
  return { ...base, plan: { ...base.plan, root, nodeCount: next } }
}
