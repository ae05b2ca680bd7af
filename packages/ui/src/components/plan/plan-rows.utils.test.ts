import { describe, expect, it } from 'vitest'
import { planNodes } from './plan-layout.utils'
import { nodeRows } from './plan-rows.utils'
import { analyzedFixture } from './testing/plan-fixtures'

describe('nodeRows', () => {
  it('counts actual rows over all loops after EXPLAIN ANALYZE', () => {
    const nodes = planNodes(analyzedFixture('pg18', 'local-nested-loop').plan.root)
    const memoize = nodes.find((node) => node.nodeType === 'Memoize')!
    expect(memoize.actual).toMatchObject({ rows: 1, loops: 199 })
    expect(nodeRows(memoize)).toBe(199)
  })

  it('falls back to the planner estimate of a plain EXPLAIN', () => {
    const root = analyzedFixture('pg18', 'cross-source', '.json').plan.root
    expect(root.actual).toBeNull()
    expect(root.planRows).toBeGreaterThan(0)
    expect(nodeRows(root)).toBe(root.planRows)
  })
})
