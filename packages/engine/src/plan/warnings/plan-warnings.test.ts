import { describe, expect, it } from 'vitest'
import { analyzePlan } from '../analyze-plan.js'
import { fixtureJson, fixtureRelations } from '../fixtures/fixture-files.js'
import type { FixtureHub } from '../fixtures/fixture-files.js'
import { parsePlan } from '../parse/parse-plan.js'
import type { PlanNode, PlanWarning } from '../../api/contract/plan.js'
import { planWarnings } from './plan-warnings.js'

function warnings(hub: FixtureHub, scenario: string, suffix = '.analyze.json'): PlanWarning[] {
  return analyzePlan(fixtureJson(hub, scenario, suffix), { relations: fixtureRelations(hub) }).warnings
}

const ofKind = (list: PlanWarning[], kind: PlanWarning['kind']): PlanWarning[] => list.filter((w) => w.kind === kind)

/** A one-node plan whose Foreign Scan estimated `estimated` rows and returned `actual`. */
function scanPlan(estimated: number, actual: number): ReturnType<typeof parsePlan> {
  const plan = parsePlan(fixtureJson('pg15', 'filter-pushed', '.analyze.json'))
  const root: PlanNode = {
    ...plan.root,
    planRows: estimated,
    actual: { startupMs: 1, totalMs: 2, rows: actual, loops: 1 },
  }
  root.misestimate = {
    factor: Math.max(actual, estimated) / Math.min(actual, estimated),
    direction: actual > estimated ? 'under' : 'over',
  }
  return { ...plan, root }
}

describe('planWarnings', () => {
  it('grades misestimates at 10×, 100× and 1000×', () => {
    const severities = [5, 20, 200, 2000].map(
      (actual) => ofKind(planWarnings(scanPlan(1, actual), []), 'misestimate')[0]?.severity,
    )
    expect(severities).toEqual([undefined, 'info', 'warning', 'critical'])
  })

  it('flags a foreign scan estimated at 2 rows that returned 999, with use_remote_estimate advice', () => {
    const [found] = ofKind(warnings('pg15', 'filter-pushed'), 'misestimate')
    expect(found).toMatchObject({ nodeId: 0, node: 'Foreign Scan on raw_shop.customers', severity: 'warning' })
    expect(found?.message).toMatch(/estimated 2 rows, got 999 rows per loop \(500× under-estimate\)$/)
    expect(found?.advice).toContain('use_remote_estimate')
  })

  it('suggests extended statistics for correlated columns misestimated by a local scan', () => {
    const [found] = ofKind(warnings('pg15', 'local-misestimate'), 'misestimate')
    expect(found?.message).toContain('Seq Scan on public.events')
    expect(found?.advice).toContain('CREATE STATISTICS')
  })

  it('does not report fewer rows than estimated below a Limit, nor a Hash repeating its input', () => {
    expect(ofKind(warnings('pg15', 'limit-blocked'), 'misestimate')).toEqual([])
    const nodes = ofKind(warnings('pg15', 'semi-join-exists'), 'misestimate').map((w) => w.nodeId)
    expect(nodes).not.toContain(2)
    expect(nodes).toContain(3)
  })

  it('warns when a foreign scan fetches rows a local filter then discards', () => {
    const [found] = ofKind(warnings('pg15', 'filter-now-local'), 'rows_removed')
    expect(found).toMatchObject({ nodeId: 0, severity: 'warning' })
    expect(found?.message).toMatch(/: [\d,]+ of 25,000 fetched rows were discarded by a filter the hub applied$/)
  })

  it('warns about a transfer far larger than the result, with fetch_size advice for postgres_fdw', () => {
    const transfer = ofKind(warnings('pg15', 'cross-source'), 'remote_transfer')
    expect(transfer.map((w) => w.nodeId)).toEqual([9, 11])
    expect(transfer[1]?.message).toMatch(/fetches 100,000 rows \(≈2\.0 MB\) from remote_pg for a result of 5 rows$/)
    expect(transfer[1]?.advice).toContain("ALTER SERVER remote_pg OPTIONS (ADD fetch_size '10000')")
  })

  it('fits the fetch_size advice to the server: SET when it is small, none when it is large already', () => {
    const raw = fixtureJson('pg15', 'cross-source', '.analyze.json')
    const advice = (fetchSizes: Record<string, number>) =>
      ofKind(analyzePlan(raw, { relations: fixtureRelations('pg15'), fetchSizes }).warnings, 'remote_transfer')[1]
        ?.advice
    expect(advice({ remote_pg: 500 })).toContain(
      "(500 rows per round trip now): ALTER SERVER remote_pg OPTIONS (SET fetch_size '10000')",
    )
    expect(advice({ remote_pg: 10000 })).toBe(
      'Send more of the query to the source (see the clauses this scan leaves to the hub)',
    )
  })

  it('names the node holding most of the execution time, and of the cost without ANALYZE', () => {
    const slow = ofKind(warnings('pg15', 'cross-source'), 'slow_node')
    expect(slow.length).toBeGreaterThan(0)
    expect(slow.every((w) => /takes \d+% of the execution time/.test(w.message))).toBe(true)
    const costly = ofKind(warnings('pg15', 'cross-source', '.json'), 'costly_node')
    expect(costly.map((w) => [w.nodeId, w.severity])).toEqual([[3, 'info']])
    expect(costly[0]?.message).toBe(
      'Merge Join carries 42% of the estimated cost (2251.83 of 5385.48, children excluded)',
    )
    expect(ofKind(warnings('pg15', 'cross-source', '.json'), 'slow_node')).toEqual([])
  })

  it('stays quiet on a single pushed-down scan with exact estimates, and on sub-millisecond plans', () => {
    expect(warnings('pg15', 'order-limit-pushed')).toEqual([])
    expect(ofKind(warnings('pg15', 'local-nested-loop'), 'slow_node')).toEqual([])
  })
})
