import { EngineError } from '../../api/contract/errors.js'
import type { Plan, PlanBuffers, PlanNode, PlanWorker } from '../../api/contract/plan.js'
import { nodeLabel } from './node-label.js'
import { computeNodeMetrics } from './node-metrics.js'

/** One node or top-level object of PostgreSQL's EXPLAIN JSON. */
export type PgJsonObject = Record<string, unknown>

const BUFFER_KEYS: Record<keyof PlanBuffers, string> = {
  sharedHit: 'Shared Hit Blocks',
  sharedRead: 'Shared Read Blocks',
  sharedDirtied: 'Shared Dirtied Blocks',
  sharedWritten: 'Shared Written Blocks',
  localHit: 'Local Hit Blocks',
  localRead: 'Local Read Blocks',
  localDirtied: 'Local Dirtied Blocks',
  localWritten: 'Local Written Blocks',
  tempRead: 'Temp Read Blocks',
  tempWritten: 'Temp Written Blocks',
}

const MAPPED_KEYS = new Set([
  ...Object.values(BUFFER_KEYS),
  ...'Node Type,Parent Relationship,Subplan Name,Join Type,Strategy,Partial Mode,Operation,Parallel Aware'.split(','),
  ...'Async Capable,Relation Name,Schema,Alias,Index Name,CTE Name,Startup Cost,Total Cost,Plan Rows'.split(','),
  ...'Plan Width,Output,Filter,Join Filter,Hash Cond,Merge Cond,Index Cond,Recheck Cond,One-Time Filter'.split(','),
  ...'Sort Key,Group Key,Rows Removed by Filter,Rows Removed by Join Filter,Remote SQL,Remote query'.split(','),
  ...'Relations,Foreign File,Foreign File Size,Workers Planned,Workers Launched,Workers,Actual Startup Time'.split(','),
  ...'Actual Total Time,Actual Rows,Actual Loops,Plans'.split(','),
])

const str = (o: PgJsonObject, key: string): string | undefined => (typeof o[key] === 'string' ? o[key] : undefined)
const num = (o: PgJsonObject, key: string): number | undefined => (typeof o[key] === 'number' ? o[key] : undefined)
const strs = (o: PgJsonObject, key: string): string[] | undefined =>
  Array.isArray(o[key]) ? (o[key] as unknown[]).map(String) : undefined

/** A JSON value as one line of text: arrays joined with `, `, objects as `key: value` pairs. */
function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(', ')
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${valueText(item)}`)
      .join(', ')
  }
  return String(value)
}

function isObject(value: unknown): value is PgJsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function buffersOf(o: PgJsonObject): PlanBuffers | null {
  if (num(o, BUFFER_KEYS.sharedHit) === undefined) return null
  const entries = Object.entries(BUFFER_KEYS).map(([field, key]) => [field, num(o, key) ?? 0])
  return Object.fromEntries(entries) as PlanBuffers
}

function workersOf(o: PgJsonObject): PlanWorker[] | undefined {
  const workers = o['Workers']
  if (!Array.isArray(workers)) return undefined
  return workers.filter(isObject).map((w) => ({
    number: num(w, 'Worker Number') ?? 0,
    startupMs: num(w, 'Actual Startup Time') ?? null,
    totalMs: num(w, 'Actual Total Time') ?? null,
    rows: num(w, 'Actual Rows') ?? 0,
    loops: num(w, 'Actual Loops') ?? 0,
  }))
}

function optional<T extends object>(entries: T): Partial<T> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as Partial<T>
}

function buildNode(o: PgJsonObject, parentId: number | null, analyzed: boolean, counter: { next: number }): PlanNode {
  const id = counter.next++
  const properties: Record<string, string> = {}
  for (const [key, value] of Object.entries(o)) if (!MAPPED_KEYS.has(key)) properties[key] = valueText(value)
  const loops = num(o, 'Actual Loops')
  const neverExecuted = analyzed && (loops === undefined || loops === 0)
  const base = {
    nodeType: str(o, 'Node Type') ?? 'Unknown',
    ...optional({
      joinType: str(o, 'Join Type'),
      strategy: str(o, 'Strategy'),
      partialMode: str(o, 'Partial Mode'),
      operation: str(o, 'Operation'),
      indexName: str(o, 'Index Name'),
      cteName: str(o, 'CTE Name'),
    }),
    parallelAware: o['Parallel Aware'] === true,
    asyncCapable: o['Async Capable'] === true,
    relation: str(o, 'Relation Name') ?? null,
    schema: str(o, 'Schema') ?? null,
    alias: str(o, 'Alias') ?? null,
    properties,
  }
  const children = (Array.isArray(o['Plans']) ? o['Plans'] : []).filter(isObject)
  return {
    id,
    parentId,
    ...base,
    label: nodeLabel(base),
    parentRelationship: str(o, 'Parent Relationship') ?? null,
    subplanName: str(o, 'Subplan Name') ?? null,
    startupCost: num(o, 'Startup Cost') ?? null,
    totalCost: num(o, 'Total Cost') ?? null,
    exclusiveCost: null,
    planRows: num(o, 'Plan Rows') ?? null,
    planWidth: num(o, 'Plan Width') ?? null,
    output: strs(o, 'Output') ?? [],
    ...optional({
      filter: str(o, 'Filter'),
      joinFilter: str(o, 'Join Filter'),
      hashCond: str(o, 'Hash Cond'),
      mergeCond: str(o, 'Merge Cond'),
      indexCond: str(o, 'Index Cond'),
      recheckCond: str(o, 'Recheck Cond'),
      oneTimeFilter: str(o, 'One-Time Filter'),
      sortKey: strs(o, 'Sort Key'),
      groupKey: strs(o, 'Group Key'),
      rowsRemovedByFilter: num(o, 'Rows Removed by Filter'),
      rowsRemovedByJoinFilter: num(o, 'Rows Removed by Join Filter'),
      remoteSql: str(o, 'Remote SQL'),
      remoteQuery: str(o, 'Remote query'),
      relations: str(o, 'Relations'),
      foreignFile: str(o, 'Foreign File'),
      foreignFileSize: num(o, 'Foreign File Size'),
      workersPlanned: num(o, 'Workers Planned'),
      workersLaunched: num(o, 'Workers Launched'),
      workers: workersOf(o),
    }),
    actual:
      !analyzed || neverExecuted
        ? null
        : {
            startupMs: num(o, 'Actual Startup Time') ?? null,
            totalMs: num(o, 'Actual Total Time') ?? null,
            rows: num(o, 'Actual Rows') ?? 0,
            loops: loops ?? 0,
          },
    neverExecuted,
    inclusiveMs: null,
    exclusiveMs: null,
    buffers: buffersOf(o),
    misestimate: null,
    children: children.map((child) => buildNode(child, id, analyzed, counter)),
  }
}

function hasActuals(o: PgJsonObject): boolean {
  if (num(o, 'Actual Loops') !== undefined) return true
  const plans = o['Plans']
  return Array.isArray(plans) && plans.some((child) => isObject(child) && hasActuals(child))
}

/** The top-level object of EXPLAIN JSON: accepts the array PostgreSQL returns, its first element, or its text. */
function explainObject(raw: unknown): PgJsonObject {
  let value = raw
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch (error) {
      throw new EngineError('BAD_INPUT', 'the plan is neither EXPLAIN JSON nor EXPLAIN text', undefined, {
        cause: error,
      })
    }
  }
  if (Array.isArray(value)) value = value[0]
  if (!isObject(value) || !isObject(value['Plan'])) {
    throw new EngineError('BAD_INPUT', 'EXPLAIN JSON must be an array holding one object with a "Plan" member')
  }
  return value
}

/**
 * Builds the plan model from PostgreSQL's EXPLAIN JSON (`FORMAT JSON`, any of VERBOSE, COSTS, SETTINGS, ANALYZE,
 * BUFFERS), with ids in preorder, inclusive/exclusive time and cost and misestimation computed.
 * @throws EngineError `BAD_INPUT` when `raw` is not EXPLAIN JSON.
 */
export function planFromJson(raw: unknown, source: Plan['source'] = 'json'): Plan {
  const top = explainObject(raw)
  const rootJson = top['Plan'] as PgJsonObject
  const analyzed = hasActuals(rootJson)
  const counter = { next: 0 }
  const root = buildNode(rootJson, null, analyzed, counter)
  const settings = isObject(top['Settings'])
    ? Object.fromEntries(Object.entries(top['Settings']).map(([key, value]) => [key, String(value)]))
    : {}
  const properties: Record<string, string> = {}
  for (const [key, value] of Object.entries(top)) {
    if (['Plan', 'Settings', 'Planning Time', 'Execution Time'].includes(key)) continue
    if (Array.isArray(value) && value.length === 0) continue
    properties[key] = valueText(value)
  }
  computeNodeMetrics(root, settings)
  return {
    source,
    analyzed,
    root,
    nodeCount: counter.next,
    planningMs: num(top, 'Planning Time') ?? null,
    executionMs: num(top, 'Execution Time') ?? null,
    settings,
    properties,
  }
}
