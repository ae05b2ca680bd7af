import { describe, expect, it } from 'vitest'
import type { ForeignScanReport, PushdownClause } from '../api/contract/plan.js'
import { isPushDownEligible } from './explain-statement.js'

const scan = (clauses: PushdownClause[]): ForeignScanReport => ({
  nodeId: 0,
  server: 's',
  fdw: 'postgres_fdw',
  remoteSql: 'SELECT 1',
  relations: null,
  tables: ['raw_s.t'],
  foreignFile: null,
  clauses,
})

describe('isPushDownEligible', () => {
  it('is true when every filter clause of every scan is pushed, whatever runs locally besides', () => {
    const pushed = { text: 'a > 1', kind: 'filter', pushed: true } as const
    const localSort = { text: 'ORDER BY a', kind: 'sort', pushed: false } as const
    expect(isPushDownEligible([scan([pushed, localSort]), scan([])])).toBe(true)
  })

  it('is false with a filter run in the hub, or without any foreign scan', () => {
    const local = { text: 'a > now()', kind: 'filter', pushed: false } as const
    expect(isPushDownEligible([scan([local])])).toBe(false)
    expect(isPushDownEligible([])).toBe(false)
  })
})
