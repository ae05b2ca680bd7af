import { describe, expect, it } from 'vitest'
import { planNodes } from './plan-layout.utils'
import { sortPlanNodes } from './plan-table.utils'
import { analyzedFixture } from './testing/plan-fixtures'

describe('sortPlanNodes', () => {
  const nodes = planNodes(analyzedFixture('pg18', 'cross-source').plan.root)

  it('sorts by exclusive time, largest first, and back', () => {
    const desc = sortPlanNodes(nodes, 'exclusiveMs', true).map((node) => node.exclusiveMs!)
    expect(desc).toEqual([...desc].sort((a, b) => b - a))
    expect(sortPlanNodes(nodes, 'exclusiveMs', false).map((node) => node.exclusiveMs)).toEqual([...desc].reverse())
  })

  it('puts unknown values last in both directions and keeps plan order on ties', () => {
    const plain = planNodes(analyzedFixture('pg18', 'cross-source', '.json').plan.root)
    expect(sortPlanNodes(plain, 'exclusiveMs', true).map((node) => node.id)).toEqual(plain.map((node) => node.id))
    const byMisestimate = sortPlanNodes(nodes, 'misestimate', true)
    const known = byMisestimate.filter((node) => node.misestimate !== null).length
    expect(byMisestimate.slice(known).every((node) => node.misestimate === null)).toBe(true)
    expect(sortPlanNodes(nodes, 'node', false)[0]!.label).toBe('Foreign Scan on raw_files.airports a')
  })
})
