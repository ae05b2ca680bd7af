import type { ExplainInput, ExplainOutput, PlanParseInput } from '@idw/engine/api'
import { describe, expect, it } from 'vitest'
import { EngineClientError } from '../client/client-error'
import { analyzedFixture } from '../components/plan/testing/plan-fixtures'
import { exceedsCostPreview } from './cost-preview'
import { ScriptedClient, queryStatus } from './testing/scripted-client'
import { createWorkbenchStore } from './workbench-store'

const SQL = 'SELECT * FROM flights.flights'

function explained(input: ExplainInput, scenario = 'cross-source'): ExplainOutput {
  const analysis = analyzedFixture('pg18', scenario, input.analyze === true ? '.analyze.json' : '.json')
  return { ...analysis, sql: input.sql ?? 'SELECT $1', parameters: [], analyzed: input.analyze === true }
}

function setup(scenario = 'cross-source') {
  const client = new ScriptedClient({
    'plan/explain': (input: ExplainInput) => explained(input, scenario),
    'plan/parse': (input: PlanParseInput) => {
      if (!input.text.includes('Seq Scan')) throw new EngineClientError('BAD_INPUT', 'this is no EXPLAIN output')
      return analyzedFixture('pg18', 'local-misestimate')
    },
    'query/status': () => queryStatus({}),
  })
  const store = createWorkbenchStore(client, { batchFlushMs: 0 })
  store.getState().setCostPreview({ enabled: false })
  store.getState().setSql(`SELECT 1;\n${SQL};`)
  store.getState().setCursorOffset(15)
  return { client, store }
}

describe('plan slice', () => {
  it('explains the statement at the cursor, shows the Plan tab and keeps the previous plan', async () => {
    const { client, store } = setup()
    await store.getState().explainCurrent()
    expect(client.calls.at(-1)).toEqual({ method: 'plan/explain', input: { sql: SQL, analyze: false, buffers: false } })
    expect(store.getState().plan).toMatchObject({ status: 'ready', shown: true, previous: null })
    expect(store.getState().plan.current).toMatchObject({ origin: 'explain', sql: SQL, title: SQL })
    expect(store.getState().plan.current!.analysis.plan.nodeCount).toBe(12)
    const first = store.getState().plan.current
    await store.getState().explain({ kind: 'sql', sql: 'SELECT 2' })
    expect(store.getState().plan.previous).toBe(first)
    store.getState().swapPlans()
    expect(store.getState().plan.current).toBe(first)
  })

  it('asks once per session before EXPLAIN ANALYZE, which runs the query', async () => {
    const { client, store } = setup()
    await store.getState().explainCurrent({ analyze: true })
    expect(store.getState().plan.analyzePending).toEqual({ kind: 'sql', sql: SQL })
    expect(client.methods()).toEqual([])
    store.getState().cancelAnalyze()
    await store.getState().explainCurrent({ analyze: true })
    await store.getState().confirmAnalyze()
    expect(client.calls.at(-1)?.input).toEqual({ sql: SQL, analyze: true, buffers: true })
    expect(store.getState().plan.current).toMatchObject({ origin: 'analyze' })
    await store.getState().explainCurrent({ analyze: true })
    expect(client.methods()).toEqual(['plan/explain', 'plan/explain'])
    expect(store.getState().plan.analyzePending).toBeNull()
  })

  it('explains the filter when its tab is shown', async () => {
    const { client, store } = setup()
    store.getState().openFilter({ schema: 'flights', name: 'flights' })
    await store.getState().explainCurrent()
    expect(client.calls.find((call) => call.method === 'plan/explain')?.input).toEqual({
      table: { schema: 'flights', name: 'flights' },
      select: { limit: 1000 },
      analyze: false,
      buffers: false,
    })
    expect(store.getState().plan.current?.title).toBe('flights.flights (filter)')
  })

  it('parses a pasted plan and shows why one is refused', async () => {
    const { store } = setup()
    await store.getState().pastePlan('Seq Scan on events  (cost=0.00..1.00 rows=1 width=4)')
    expect(store.getState().plan.current).toMatchObject({ origin: 'paste', title: 'Pasted plan', sql: null })
    await store.getState().pastePlan('hello')
    expect(store.getState().plan).toMatchObject({ status: 'failed', error: { code: 'BAD_INPUT' } })
  })
})

describe('cost preview', () => {
  it('holds back a run whose plain EXPLAIN passes a threshold, then runs it on confirmation', async () => {
    const { client, store } = setup()
    store.getState().setCostPreview({ enabled: true, maxRows: 1_000_000, maxCost: 5000 })
    await store.getState().runCurrent()
    expect(client.queries).toHaveLength(0)
    const pending = store.getState().plan.pendingRun!
    expect(pending.target).toEqual({ kind: 'sql', sql: SQL })
    expect(pending.entry.analysis.plan.root.totalCost).toBeGreaterThan(5000)
    store.getState().showPendingPlan()
    expect(store.getState().plan.current).toBe(pending.entry)
    await store.getState().confirmPendingRun()
    expect(client.queries.map((query) => query.sql)).toEqual([SQL])
    expect(store.getState().plan.pendingRun).toBeNull()
  })

  it('runs at once under the thresholds, when off, and when EXPLAIN fails', async () => {
    const { client, store } = setup('filter-pushed')
    store.getState().setCostPreview({ enabled: true })
    await store.getState().runCurrent()
    expect(client.queries).toHaveLength(1)
    store.getState().setCostPreview({ enabled: false, maxCost: 1 })
    await store.getState().runCurrent()
    expect(client.queries).toHaveLength(2)
    expect(client.methods().filter((method) => method === 'plan/explain')).toHaveLength(1)
    store.getState().cancelPendingRun()
    expect(store.getState().plan.costPreview).toEqual({ enabled: false, maxRows: 1_000_000, maxCost: 1 })
  })

  it('compares estimated rows and total cost of the root with the thresholds', () => {
    const root = analyzedFixture('pg18', 'cross-source', '.json').plan.root
    const settings = { enabled: true, maxRows: 10, maxCost: 1e9 }
    expect(exceedsCostPreview(root, settings)).toBe(false)
    expect(exceedsCostPreview(root, { ...settings, maxRows: 5 })).toBe(true)
    expect(exceedsCostPreview(root, { ...settings, maxCost: root.totalCost! })).toBe(true)
  })
})
