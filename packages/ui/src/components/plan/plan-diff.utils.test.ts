import type { PlanNode } from '@idw/engine/api'
import { describe, expect, it } from 'vitest'
import { diffFigure, diffPlans } from './plan-diff.utils'
import { analyzedFixture } from './testing/plan-fixtures'

const plan = (hub: 'pg15' | 'pg18', scenario: string, suffix = '.analyze.json') =>
  analyzedFixture(hub, scenario, suffix).plan.root

const label = (node: PlanNode | null): string => (node === null ? '-' : node.label)

describe('diffPlans', () => {
  it('matches every node of the same plan with itself', () => {
    const root = plan('pg18', 'cross-source')
    const rows = diffPlans(root, plan('pg18', 'cross-source', '.json'))
    expect(rows).toHaveLength(12)
    expect(rows.every((row) => row.status === 'same' && row.before?.id === row.after?.id)).toBe(true)
    expect(rows.map((row) => row.depth)).toEqual([0, 1, 2, 3, 4, 5, 4, 5, 6, 7, 6, 7])
  })

  it('matches the same query on PostgreSQL 15 and 18 by type and relation, and gives cost, rows and time ratios', () => {
    const rows = diffPlans(plan('pg15', 'join-pushed'), plan('pg18', 'join-pushed'))
    expect(rows[0]!.status).toBe('same')
    const cost = diffFigure(rows[0]!, 'cost')
    expect(cost.before).toBe(rows[0]!.before!.totalCost)
    expect(cost.after).toBe(rows[0]!.after!.totalCost)
    expect(cost.ratio).toBeCloseTo(cost.after! / cost.before!, 10)
    const time = diffFigure(rows[0]!, 'time')
    expect(time.before).toBe(rows[0]!.before!.inclusiveMs)
  })

  it('aligns an inserted node and keeps later siblings matched', () => {
    const root = plan('pg18', 'cross-source')
    const after = structuredClone(root)
    const join = after.children[0]!.children[0]!.children[0]!
    const extra: PlanNode = {
      ...structuredClone(join.children[0]!),
      id: 99,
      nodeType: 'Materialize',
      label: 'Materialize',
      children: [],
    }
    join.children = [extra, ...join.children]
    const rows = diffPlans(root, after)
    expect(rows.filter((row) => row.status === 'added').map((row) => label(row.after))).toEqual(['Materialize'])
    expect(rows.filter((row) => row.status === 'same')).toHaveLength(12)
  })

  it('pairs nodes of one type with another relation as changed, and lists removed subtrees', () => {
    const before = plan('pg18', 'filter-pushed')
    const after = structuredClone(before)
    after.relation = 'other_table'
    expect(diffPlans(before, after)[0]!.status).toBe('changed')
    const big = plan('pg18', 'cross-source')
    const pruned = structuredClone(big)
    pruned.children[0]!.children[0]!.children[0]!.children.pop()
    const rows = diffPlans(big, pruned)
    expect(rows.filter((row) => row.status === 'removed').map((row) => row.before!.id)).toEqual([6, 7, 8, 9, 10, 11])
    expect(diffFigure(rows.at(-1)!, 'rows')).toEqual({
      before: rows.at(-1)!.before!.actual!.rows,
      after: null,
      ratio: null,
    })
  })
})
