import { describe, expect, it } from 'vitest'
import { EngineError } from '../../api/contract/errors.js'
import { fixtureJson, fixtureManifest, fixtureText, hasFixture } from '../fixtures/fixture-files.js'
import type { PlanNode } from '../../api/contract/plan.js'
import { Plan } from '../../api/contract/plan.js'
import { flattenPlan } from '../plan-walk.js'
import { parsePlan } from './parse-plan.js'

/** The fields a text plan states just as the JSON of the same plan does. */
function comparable(node: PlanNode, analyzed: boolean): Record<string, unknown> {
  return {
    nodeType: node.nodeType,
    label: node.label,
    parentRelationship: node.parentRelationship,
    subplanName: node.subplanName,
    joinType: node.joinType,
    strategy: node.strategy,
    relation: node.relation,
    schema: node.schema,
    alias: node.alias,
    startupCost: node.startupCost,
    totalCost: node.totalCost,
    planRows: node.planRows,
    planWidth: node.planWidth,
    output: node.output,
    filter: node.filter,
    sortKey: node.sortKey,
    groupKey: node.groupKey,
    remoteSql: node.remoteSql,
    remoteQuery: node.remoteQuery,
    relations: node.relations,
    foreignFile: node.foreignFile,
    foreignFileSize: node.foreignFileSize,
    ...(analyzed && {
      rows: node.actual?.rows,
      loops: node.actual?.loops,
      neverExecuted: node.neverExecuted,
      rowsRemovedByFilter: node.rowsRemovedByFilter,
      workers: node.workers?.map((worker) => [worker.number, worker.loops]),
    }),
  }
}

const pairs = fixtureManifest().flatMap((entry) => {
  const base = `${entry.hub}/${entry.scenario}`
  const plain = ['.txt', '.border0.txt', '.border2.txt', '.unicode.txt', '.cell.txt'].map((suffix) => [
    `${base}.json`,
    base + suffix,
  ])
  return [...plain, [`${base}.analyze.json`, `${base}.analyze.txt`]].filter(([, text]) => hasFixture(text as string))
})

describe('parsePlan on captured plans', () => {
  it('has text and JSON captures of the same plans to compare', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(100)
  })

  it.each(pairs)('reads %s and %s as the same plan', (jsonPath, textPath) => {
    const fromJson = parsePlan(JSON.parse(fixtureText(jsonPath as string)))
    const fromText = parsePlan(fixtureText(textPath as string))
    expect(fromJson.source).toBe('json')
    expect(fromText.source).toBe('text')
    expect(fromText.analyzed).toBe(fromJson.analyzed)
    expect(fromText.nodeCount).toBe(fromJson.nodeCount)
    const analyzed = fromJson.analyzed
    expect(flattenPlan(fromText.root).map((n) => comparable(n, analyzed))).toEqual(
      flattenPlan(fromJson.root).map((n) => comparable(n, analyzed)),
    )
    expect(fromText.settings).toEqual(fromJson.settings)
  })

  const logs = pairs
    .filter(([json]) => json?.endsWith('.analyze.json'))
    .map(([json]) => [json as string, (json as string).replace('.analyze.json', '.log.txt')])
    .filter(([, log]) => hasFixture(log as string))

  it.each(logs)('reads the auto_explain entry of %s as the same plan tree (%s)', (jsonPath, logPath) => {
    const fromJson = parsePlan(JSON.parse(fixtureText(jsonPath as string)))
    const fromLog = parsePlan(fixtureText(logPath as string))
    expect(fromLog.analyzed).toBe(true)
    expect(flattenPlan(fromLog.root).map((n) => comparable(n, false))).toEqual(
      flattenPlan(fromJson.root).map((n) => comparable(n, false)),
    )
  })

  it('validates every parsed plan against the Plan schema', () => {
    for (const entry of fixtureManifest()) {
      for (const file of entry.files) {
        const raw = file.endsWith('.json') ? JSON.parse(fixtureText(file)) : fixtureText(file)
        expect(Plan.safeParse(parsePlan(raw)).success, file).toBe(true)
      }
    }
  })
})

describe('parsePlan details', () => {
  it('reads a PostgreSQL 15 analyzed foreign join with costs, rows, output and remote SQL', () => {
    const plan = parsePlan(fixtureJson('pg15', 'join-pushed', '.analyze.json'))
    const root = plan.root
    expect(plan.analyzed).toBe(true)
    expect(root).toMatchObject({ id: 0, nodeType: 'Foreign Scan', label: 'Foreign Scan', operation: 'Select' })
    expect([root.startupCost, root.totalCost, root.planRows, root.planWidth]).toEqual([100, 219.56, 61, 48])
    expect(root.output).toEqual(['c.name', 'o.amount'])
    expect(root.relations).toBe('(raw_shop.orders o) INNER JOIN (raw_shop.customers c)')
    expect(root.remoteSql).toMatch(/^SELECT r2\.name, r1\.amount FROM \(public\.orders r1 INNER JOIN/)
    expect(root.actual?.rows).toBe(25000)
    expect(root.buffers).toMatchObject({ sharedHit: 0, tempRead: 0 })
    expect(plan.executionMs).toBeGreaterThan(0)
  })

  it('reads the text names back into node type, strategy, partial mode and parallel flag', () => {
    const plan = parsePlan(fixtureText('pg18/local-parallel.analyze.txt'))
    const [finalize, gather, sort, partial, scan] = flattenPlan(plan.root)
    expect(finalize).toMatchObject({ nodeType: 'Aggregate', strategy: 'Sorted', partialMode: 'Finalize' })
    expect(gather).toMatchObject({ nodeType: 'Gather Merge', workersPlanned: 2, workersLaunched: 2 })
    expect(sort?.workers?.map((w) => w.number)).toEqual([0, 1])
    expect(partial).toMatchObject({ nodeType: 'Aggregate', strategy: 'Hashed', partialMode: 'Partial' })
    expect(scan).toMatchObject({ nodeType: 'Seq Scan', parallelAware: true, schema: 'public', relation: 'events' })
    expect(plan.settings).toEqual({
      parallel_setup_cost: '0',
      parallel_tuple_cost: '0',
      min_parallel_table_scan_size: '0',
    })
  })

  it('keeps PostgreSQL 18 fractional actual rows and subplan labels', () => {
    const plan = parsePlan(fixtureText('pg18/local-cte-initplan.analyze.txt'))
    const nodes = flattenPlan(plan.root)
    expect(nodes.map((n) => n.subplanName)).toEqual([null, 'CTE t', null, 'InitPlan 2', null])
    expect(nodes.map((n) => n.parentRelationship)).toEqual([null, 'InitPlan', 'Outer', 'InitPlan', 'Outer'])
    expect(nodes[0]?.filter).toBe('(t.s > (InitPlan 2).col1)')
    expect(nodes[4]).toMatchObject({ nodeType: 'CTE Scan', cteName: 't', alias: 't_1' })
  })

  it('marks a node that never ran', () => {
    const plan = parsePlan(fixtureText('pg15/local-never-executed.analyze.txt'))
    const inner = plan.root.children[1]
    expect(inner).toMatchObject({ nodeType: 'Seq Scan', neverExecuted: true, actual: null, inclusiveMs: 0 })
  })

  it('reads an auto_explain log entry', () => {
    const plan = parsePlan(fixtureText('pg15/filter-now-local.log.txt'))
    expect(plan.root).toMatchObject({ nodeType: 'Foreign Scan', relation: 'orders', schema: 'raw_shop' })
    expect(plan.root.rowsRemovedByFilter).toBeGreaterThan(0)
    expect(plan.analyzed).toBe(true)
  })

  it('reads rows copied from pgAdmin as quoted CSV fields, and server-log lines indented by tabs', () => {
    const lines = parsePlan(fixtureText('pg15/cross-source.txt')).nodeCount
    const body = fixtureText('pg15/cross-source.txt').split('\n').slice(2, -3)
    const quoted = [
      '"QUERY PLAN"',
      ...body.map((line) => `"${line.trim() === '' ? '' : line.slice(1).replaceAll('"', '""')}"`),
    ]
    expect(parsePlan(quoted.join('\n')).nodeCount).toBe(lines)
    const log = fixtureText('pg15/filter-now-local.log.txt').split('\n')
    const serverLog = [`2026-11-21 23:11:24.123 UTC [42] postgres@hub ${log[0]}`, ...log.slice(1).map((l) => `\t${l}`)]
    expect(parsePlan(serverLog.join('\n')).root.remoteSql).toContain('public.orders')
  })

  it('strips a + mark put at the start of every line', () => {
    const marked = fixtureText('pg15/security-barrier.txt')
      .split('\n')
      .map((line) => `+${line}`)
    expect(flattenPlan(parsePlan(marked.join('\n')).root).map((n) => n.label)).toEqual([
      'Subquery Scan on customers_fr',
      'Foreign Scan on raw_shop.customers',
    ])
  })

  it('reads EXPLAIN JSON printed by psql, with header and + marks', () => {
    const json = JSON.stringify(fixtureJson('pg15', 'join-pushed'), null, 2).split('\n')
    const width = Math.max(...json.map((line) => line.length))
    const printed = [
      ' QUERY PLAN',
      '-'.repeat(width + 2),
      ...json.map((l, i) => ` ${l.padEnd(width)}${i < json.length - 1 ? '+' : ''}`),
      '(1 row)',
    ]
    expect(parsePlan(printed.join('\n')).root.relations).toBe('(raw_shop.orders o) INNER JOIN (raw_shop.customers c)')
  })

  it('reads a plan made with COSTS OFF and without VERBOSE (no costs, schemas or Output)', () => {
    const text = fixtureText('pg15/cross-source.txt')
      .replace(/ {2}\(cost=[^)]*\)/g, '')
      .replace(/\n\s+Output:.*(?=\n)/g, '')
      .replace(/raw_shop\.|raw_files\./g, '')
    const plan = parsePlan(text)
    const nodes = flattenPlan(plan.root)
    expect(nodes.map((n) => n.label)).toEqual(
      flattenPlan(parsePlan(fixtureText('pg15/cross-source.txt')).root).map((n) =>
        n.label.replace(/raw_shop\.|raw_files\./, ''),
      ),
    )
    expect(nodes.every((n) => n.totalCost === null && n.planRows === null && n.output.length === 0)).toBe(true)
    expect(nodes[5]).toMatchObject({ relation: 'airports', schema: null, alias: 'a', foreignFileSize: 210365 })
  })

  it('rejects input that is no plan with BAD_INPUT', () => {
    expect(() => parsePlan('hello world')).toThrowError(EngineError)
    expect(() => parsePlan({ nothing: true })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }))
    expect(() => parsePlan('')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }))
  })
})
