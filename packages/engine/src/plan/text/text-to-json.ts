import { EngineError } from '../../api/contract/errors.js'
import type { PgJsonObject } from '../parse/plan-from-json.js'
import { parseNodeHeader } from './node-header.js'
import { extractPlanLines } from './text-lines.js'
import type { PlanLine } from './text-lines.js'
import { applyNodeProperty, parseBuffers, parseSettings, parseWorkerLine } from './text-properties.js'

/** A node being filled: its JSON object, the column of its `->` arrow and the column of its property lines. */
interface Frame {
  node: PgJsonObject
  arrow: number
  properties: number
}

const SUBPLAN_LABEL = /^(CTE .+|InitPlan \d+.*|SubPlan \d+.*)$/
const MEMBER_PARENTS = new Set(['Append', 'Merge Append', 'BitmapAnd', 'BitmapOr'])

function splitLabel(text: string): [string, string] | null {
  const colon = text.indexOf(':')
  if (colon <= 0) return null
  return [text.slice(0, colon), text.slice(colon + 1).trim()]
}

function childrenOf(node: PgJsonObject): PgJsonObject[] {
  node['Plans'] ??= []
  return node['Plans'] as PgJsonObject[]
}

/** `Parent Relationship` as EXPLAIN JSON states it; the text format only shows it for subplans. */
function relationship(parent: PgJsonObject, label: string | null): string {
  if (label !== null) return label.startsWith('SubPlan') ? 'SubPlan' : 'InitPlan'
  const type = parent['Node Type'] as string
  if (MEMBER_PARENTS.has(type)) return 'Member'
  if (type === 'Subquery Scan') return 'Subquery'
  const inputs = childrenOf(parent).filter((child) => child['Subplan Name'] === undefined)
  return inputs.length === 0 ? 'Outer' : 'Inner'
}

/** Top-level lines after the tree: `Planning Time`, `Execution Time`, `Settings`, `Planning:`, `JIT:`, triggers. */
function applyFooter(top: PgJsonObject, text: string): PgJsonObject | null {
  const pair = splitLabel(text)
  if (pair === null) return null
  const [label, value] = pair
  if (label === 'Planning Time' || label === 'Execution Time') top[label] = Number.parseFloat(value)
  else if (label === 'Settings') top['Settings'] = parseSettings(value)
  else if (label.startsWith('Trigger ')) {
    const triggers = (top['Triggers'] ??= []) as PgJsonObject[]
    triggers.push({ 'Trigger Name': label.slice('Trigger '.length), Detail: value })
  } else if (value === '') {
    const group: PgJsonObject = {}
    top[label] = group
    return group
  } else applyNodeProperty(top, label, value)
  return null
}

function applyGroupLine(group: PgJsonObject, text: string): void {
  const pair = splitLabel(text)
  if (pair === null) return
  if (pair[0] === 'Buffers') parseBuffers(group, pair[1])
  else applyNodeProperty(group, pair[0], pair[1])
}

/** A property line of a node; returns the `Workers` entry a `Worker N:` line opens (its sub-lines go there). */
function applyNodeLine(node: PgJsonObject, text: string): PgJsonObject | null {
  const worker = parseWorkerLine(text)
  if (worker !== null) {
    const workers = (node['Workers'] ??= []) as PgJsonObject[]
    workers.push(worker.worker)
    if (worker.rest !== '') applyGroupLine(worker.worker, worker.rest)
    return worker.worker
  }
  const pair = splitLabel(text)
  if (pair !== null) applyNodeProperty(node, pair[0], pair[1])
  return null
}

/** Counters the text format leaves out when they are 0 (JSON always has them), on an analyzed plan. */
const ZERO_WHEN_ABSENT: Record<string, string> = {
  Filter: 'Rows Removed by Filter',
  'Join Filter': 'Rows Removed by Join Filter',
  'Recheck Cond': 'Rows Removed by Index Recheck',
}

function fillTextDefaults(node: PgJsonObject, buffers: boolean): void {
  if (buffers && node['Shared Hit Blocks'] === undefined) parseBuffers(node, '')
  for (const [condition, counter] of Object.entries(ZERO_WHEN_ABSENT)) {
    if (node[condition] !== undefined) node[counter] ??= 0
  }
  for (const child of childrenOf(node)) fillTextDefaults(child, buffers)
}

function buildTree(lines: PlanLine[], root: PgJsonObject, top: PgJsonObject): boolean {
  const stack: Frame[] = [{ node: root, arrow: -2, properties: 2 }]
  let pendingLabel: string | null = null
  let group: PgJsonObject | null = null
  let inFooter = false
  let sawBuffers = false
  for (const { indent, text } of lines.slice(1)) {
    sawBuffers ||= text.startsWith('Buffers:')
    if (indent === 0 || inFooter) {
      if (indent === 0) group = applyFooter(top, text)
      else if (group !== null) applyGroupLine(group, text)
      inFooter = true
      continue
    }
    if (text.startsWith('->')) {
      while (stack.length > 1 && (stack[stack.length - 1] as Frame).arrow >= indent) stack.pop()
      const parent = (stack[stack.length - 1] as Frame).node
      const child = parseNodeHeader(text.replace(/^->\s*/, ''), true)
      if (child === null) throw new EngineError('BAD_INPUT', `cannot read the plan line "${text}"`)
      child['Parent Relationship'] = relationship(parent, pendingLabel)
      if (pendingLabel !== null) child['Subplan Name'] = pendingLabel
      childrenOf(parent).push(child)
      stack.push({ node: child, arrow: indent, properties: indent + 6 })
      pendingLabel = null
      group = null
      continue
    }
    while (stack.length > 1 && (stack[stack.length - 1] as Frame).properties > indent) stack.pop()
    const frame = stack[stack.length - 1] as Frame
    if (indent === frame.properties && SUBPLAN_LABEL.test(text)) pendingLabel = text
    else if (indent === frame.properties) group = applyNodeLine(frame.node, text)
    else if (group !== null) applyGroupLine(group, text)
  }
  return sawBuffers
}

/**
 * Turns EXPLAIN text output (see `extractPlanLines` for the accepted decorations) into the JSON PostgreSQL would
 * have returned for the same plan (`[{ Plan, Settings, Planning Time, Execution Time, … }]`), so one model builder
 * serves both. The tree follows the `->` arrows: a node's properties sit 6 columns right of its arrow, subplan
 * labels (`CTE x`, `InitPlan 1`, `SubPlan 2`) at its property column, top-level facts at column 0.
 * @throws EngineError `BAD_INPUT` when the text holds no plan.
 */
export function textToExplainJson(text: string): PgJsonObject[] {
  const lines = extractPlanLines(text)
  const first = lines[0]
  const root = first === undefined ? null : parseNodeHeader(first.text.replace(/^->\s*/, ''))
  if (root === null) throw new EngineError('BAD_INPUT', 'the text does not start with a plan node line')
  const top: PgJsonObject = { Plan: root }
  const sawBuffers = buildTree(lines, root, top)
  if (root['Actual Loops'] !== undefined) fillTextDefaults(root, sawBuffers)
  return [top]
}
