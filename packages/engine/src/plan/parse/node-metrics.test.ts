import { describe, expect, it } from 'vitest'
import { fixtureJson, fixtureText } from '../fixtures/fixture-files.js'
import type { PlanNode } from '../../api/contract/plan.js'
import { flattenPlan } from '../plan-walk.js'
import { parsePlan } from './parse-plan.js'

const ms = (value: number): number => Math.round(value * 1000) / 1000

function nodes(hub: 'pg15' | 'pg18', scenario: string): PlanNode[] {
  return flattenPlan(parsePlan(fixtureJson(hub, scenario, '.analyze.json')).root)
}

describe('inclusive and exclusive time', () => {
  it.each(['pg15', 'pg18'] as const)('multiplies per-loop time by loops on %s (Memoize, nested loop)', (hub) => {
    const [loop, outer, memoize, inner] = nodes(hub, 'local-nested-loop')
    expect(inner?.actual?.loops).toBe(7)
    expect(inner?.inclusiveMs).toBe(ms((inner?.actual?.totalMs ?? 0) * 7))
    expect(memoize?.actual?.loops).toBe(199)
    expect(memoize?.inclusiveMs).toBe(ms((memoize?.actual?.totalMs ?? 0) * 199))
    const expected = (loop?.inclusiveMs ?? 0) - (outer?.inclusiveMs ?? 0) - (memoize?.inclusiveMs ?? 0)
    expect(loop?.exclusiveMs).toBe(ms(Math.max(0, expected)))
  })

  it.each(['pg15', 'pg18'] as const)(
    'charges a CTE to the CTE Scan reading it and an InitPlan to its parent on %s',
    (hub) => {
      const [root, cte, cteInput, initPlan, initScan] = nodes(hub, 'local-cte-initplan')
      expect(cte?.subplanName).toBe('CTE t')
      const rootExclusive = (root?.inclusiveMs ?? 0) - (cte?.inclusiveMs ?? 0) - (initPlan?.inclusiveMs ?? 0)
      expect(root?.exclusiveMs).toBeCloseTo(Math.max(0, rootExclusive), 3)
      expect(cte?.exclusiveMs).toBeCloseTo((cte?.inclusiveMs ?? 0) - (cteInput?.inclusiveMs ?? 0), 3)
      expect(initScan?.exclusiveMs).toBe(initScan?.inclusiveMs)
      const all = [root, cte, cteInput, initPlan, initScan].reduce((sum, n) => sum + (n?.exclusiveMs ?? 0), 0)
      expect(all).toBeCloseTo(root?.inclusiveMs ?? 0, 2)
    },
  )

  it.each(['pg15', 'pg18'] as const)('divides parallel loops by the participants below Gather Merge on %s', (hub) => {
    const [, gather, sort, , scan] = nodes(hub, 'local-parallel')
    expect(gather?.workersLaunched).toBe(2)
    expect(scan?.actual?.loops).toBe(3)
    expect(scan?.inclusiveMs).toBe(ms(((scan?.actual?.totalMs ?? 0) * 3) / 3))
    expect(gather?.exclusiveMs).toBe(ms((gather?.inclusiveMs ?? 0) - (sort?.inclusiveMs ?? 0)))
  })

  it('sums exclusive times to the root on a plain tree (text and JSON alike)', () => {
    for (const plan of [
      parsePlan(fixtureText('pg15/cross-source.analyze.txt')),
      parsePlan(fixtureJson('pg15', 'cross-source', '.analyze.json')),
    ]) {
      const total = flattenPlan(plan.root).reduce((sum, n) => sum + (n.exclusiveMs ?? 0), 0)
      expect(total).toBeCloseTo(plan.root.inclusiveMs ?? 0, 2)
      expect(plan.root.inclusiveMs).toBeLessThanOrEqual(plan.executionMs ?? 0)
    }
  })

  it('leaves times null without ANALYZE and computes exclusive cost', () => {
    const [limit, sort] = flattenPlan(parsePlan(fixtureJson('pg15', 'file-filter-sort-limit')).root)
    expect(limit?.inclusiveMs).toBeNull()
    expect(limit?.actual).toBeNull()
    expect(limit?.exclusiveCost).toBe(
      Math.max(0, Math.round(((limit?.totalCost ?? 0) - (sort?.totalCost ?? 0)) * 100) / 100),
    )
  })
})

describe('misestimation', () => {
  it('compares estimated and actual rows per loop, with a direction', () => {
    const [scan] = nodes('pg15', 'filter-pushed')
    expect(scan?.planRows).toBe(2)
    expect(scan?.misestimate).toEqual({
      factor: Math.round(((scan?.actual?.rows ?? 0) / 2) * 100) / 100,
      direction: 'under',
    })
    const [aggregate] = nodes('pg15', 'aggregate-pushed')
    expect(aggregate?.misestimate).toEqual({ factor: 40, direction: 'over' })
  })

  it('has no misestimate for exact estimates and for nodes that never ran', () => {
    const plan = parsePlan(fixtureJson('pg15', 'local-never-executed', '.analyze.json'))
    expect(plan.root.children[1]?.misestimate).toBeNull()
    expect(plan.root.children[1]?.neverExecuted).toBe(true)
  })
})
