import { describe, expect, it } from 'vitest'
import { heatByNode, heatColor, metricValue, shareOfPlan } from './plan-color.utils'
import { ancestorIds, flattenPlan, initialCollapse, planNodes } from './plan-layout.utils'
import { analyzedFixture, largePlan } from './testing/plan-fixtures'

const crossSource = analyzedFixture('pg18', 'cross-source')

describe('flattenPlan', () => {
  it('lists the nodes in preorder with depth, connectors and guides', () => {
    const rows = flattenPlan(crossSource.plan.root, new Set())
    expect(rows.map((row) => row.node.id)).toEqual(planNodes(crossSource.plan.root).map((node) => node.id))
    expect(rows.map((row) => row.node.id)).toEqual([...Array(crossSource.plan.nodeCount).keys()])
    expect(rows[0]).toMatchObject({ depth: 0, guides: [], last: true, hasChildren: true })
    for (const row of rows) expect(row.guides).toHaveLength(row.depth)
    const lines = rows.map((row) => {
      const guides = row.guides.map((g, i) => (i === row.depth - 1 ? (row.last ? '└' : '├') : g ? '│' : ' '))
      return `${guides.join('')}${row.node.label}`
    })
    expect(lines).toEqual([
      'Limit',
      '└Sort',
      ' └HashAggregate',
      '  └Merge Join',
      '   ├Sort',
      '   │└Foreign Scan on raw_files.airports a',
      '   └Sort',
      '    └Merge Join',
      '     ├Sort',
      '     │└Foreign Scan on raw_shop.customers c',
      '     └Sort',
      '      └Foreign Scan on raw_shop.orders o',
    ])
  })

  it('draws a guide through the lines under a child that has later siblings', () => {
    const rows = flattenPlan(crossSource.plan.root, new Set())
    for (const row of rows) {
      const parent = rows.find((candidate) => candidate.node.id === row.node.parentId)
      if (parent === undefined || row.depth < 2) continue
      expect(row.guides[row.depth - 2]).toBe(!parent.last)
    }
  })

  it('hides the descendants of collapsed nodes and finds ancestors', () => {
    const rows = flattenPlan(crossSource.plan.root, new Set([4, 7, 5]))
    expect(rows.map((row) => row.node.id)).toEqual([0, 1, 2, 3, 4, 6, 7])
    expect(rows.find((row) => row.node.id === 7)?.collapsed).toBe(true)
    expect(ancestorIds(crossSource.plan.root, 11)).toEqual([0, 1, 2, 3, 6, 7, 10])
    expect(ancestorIds(crossSource.plan.root, 0)).toEqual([])
  })

  it('opens a 250-node plan with deep branches collapsed, and flattens it fast', () => {
    const big = largePlan(250).plan
    expect(big.nodeCount).toBeGreaterThanOrEqual(250)
    const collapsed = initialCollapse(big.root)
    const rows = flattenPlan(big.root, collapsed)
    expect(rows.length).toBeLessThanOrEqual(120)
    expect(rows.length).toBeGreaterThan(20)
    expect(initialCollapse(crossSource.plan.root).size).toBe(0)
    const started = performance.now()
    for (let i = 0; i < 50; i += 1) flattenPlan(big.root, new Set())
    expect((performance.now() - started) / 50).toBeLessThan(20)
  })
})

describe('plan colours', () => {
  const nodes = planNodes(crossSource.plan.root)

  it('scales exclusive time and cost against the largest node', () => {
    for (const metric of ['time', 'cost'] as const) {
      const heat = heatByNode(nodes, metric)
      const values = nodes.map((node) => metricValue(node, metric) ?? 0)
      const max = Math.max(...values)
      const hottest = nodes[values.indexOf(max)]!
      expect(heat.get(hottest.id)).toBe(1)
      for (const node of nodes) expect(heat.get(node.id)).toBeCloseTo((metricValue(node, metric) ?? 0) / max, 10)
    }
  })

  it('scales rows on a log scale and misestimation with 1000× as full', () => {
    const rows = heatByNode(nodes, 'rows')
    const counts = nodes.map((node) => metricValue(node, 'rows')!)
    const max = Math.max(...counts)
    nodes.forEach((node, i) =>
      expect(rows.get(node.id)).toBeCloseTo(Math.log10(counts[i]! + 1) / Math.log10(max + 1), 10),
    )
    const mis = heatByNode(nodes, 'misestimate')
    for (const node of nodes) {
      const factor = node.misestimate?.factor ?? 1
      expect(mis.get(node.id)).toBeCloseTo(Math.min(1, Math.log10(factor) / 3), 10)
    }
  })

  it('leaves out what a plan without ANALYZE cannot tell', () => {
    const plain = analyzedFixture('pg18', 'cross-source', '.json')
    const nodesPlain = planNodes(plain.plan.root)
    expect(heatByNode(nodesPlain, 'time').size).toBe(0)
    expect(heatByNode(nodesPlain, 'misestimate').size).toBe(0)
    expect(heatByNode(nodesPlain, 'rows').size).toBe(nodesPlain.length)
  })

  it('gives shares of the plan and a colour ramp from grey-amber to red', () => {
    const root = crossSource.plan.root
    const total = nodes.reduce((sum, node) => sum + (shareOfPlan(node, root, 'cost', null) ?? 0), 0)
    expect(total).toBeCloseTo(1, 2)
    expect(shareOfPlan(root, root, 'rows', null)).toBeNull()
    expect(heatColor(0)).toBe('hsl(45 15% 48%)')
    expect(heatColor(1)).toBe('hsl(0 90% 60%)')
    expect(heatColor(7)).toBe(heatColor(1))
  })
})
