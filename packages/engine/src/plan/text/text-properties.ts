import { splitTopLevel } from '../expression.js'
import type { PgJsonObject } from '../parse/plan-from-json.js'

const LIST_KEYS = new Set(['Output', 'Sort Key', 'Group Key', 'Presorted Key', 'Hash Key', 'Grouping Sets'])

const NUMBER_KEYS = new Set([
  'Rows Removed by Filter',
  'Rows Removed by Join Filter',
  'Rows Removed by Index Recheck',
  'Workers Planned',
  'Workers Launched',
  'Heap Fetches',
  'Index Searches',
  'Subplans Removed',
  'Local server startup cost',
  'Remote server startup cost',
  'Local tuple estimate',
  'Query Identifier',
])

const BOOLEAN_KEYS = new Set(['Inner Unique', 'Single Copy', 'Use remote estimate'])

/** `Label: value` segments that share one text line, keyed by the line's first label → JSON key per segment. */
const SEGMENT_KEYS: Record<string, Record<string, string>> = {
  'Sort Method': { Memory: 'Sort Space Used', Disk: 'Sort Space Used' },
  Buckets: { Buckets: 'Hash Buckets', Batches: 'Hash Batches', 'Memory Usage': 'Peak Memory Usage' },
  Batches: { Batches: 'HashAgg Batches', 'Memory Usage': 'Peak Memory Usage', 'Disk Usage': 'Disk Usage' },
  Hits: { Hits: 'Cache Hits', Misses: 'Cache Misses', Evictions: 'Cache Evictions', Overflows: 'Cache Overflows' },
  Storage: { 'Maximum Storage': 'Maximum Storage' },
}

const BUFFER_KINDS: Record<string, string> = { shared: 'Shared', local: 'Local', temp: 'Temp' }
const BUFFER_COUNTERS: Record<string, string> = { hit: 'Hit', read: 'Read', dirtied: 'Dirtied', written: 'Written' }

/** `shared hit=3 read=2, temp written=5` → `Shared Hit Blocks: 3`… (all ten counters, absent ones 0). */
export function parseBuffers(target: PgJsonObject, value: string): void {
  for (const kind of Object.values(BUFFER_KINDS)) {
    for (const counter of Object.values(BUFFER_COUNTERS)) {
      if (kind !== 'Temp' || counter === 'Read' || counter === 'Written') target[`${kind} ${counter} Blocks`] ??= 0
    }
  }
  for (const group of value.split(',')) {
    const [kindWord, ...pairs] = group.trim().split(/\s+/)
    const kind = BUFFER_KINDS[kindWord ?? '']
    if (kind === undefined) continue
    for (const pair of pairs) {
      const [counterWord, count] = pair.split('=')
      const counter = BUFFER_COUNTERS[counterWord ?? '']
      if (counter !== undefined) target[`${kind} ${counter} Blocks`] = Number(count)
    }
  }
}

/** `25kB` → 25, `1024 (originally 512)` → 1024; other text unchanged. */
function leadingNumber(value: string): number | string {
  const match = /^(\d+(?:\.\d+)?)(?:kB| b| ms)?\b/.exec(value)
  return match === null ? value : Number(match[1])
}

function setSegments(target: PgJsonObject, label: string, value: string): boolean {
  const keys = SEGMENT_KEYS[label]
  if (keys === undefined) return false
  const segments = `${label}: ${value}`.split(/\s{2,}(?=[A-Z][\w -]*: )/)
  for (const segment of segments) {
    const colon = segment.indexOf(': ')
    const segLabel = segment.slice(0, colon)
    const segValue = segment.slice(colon + 2).trim()
    const key = keys[segLabel]
    if (key === undefined) target[segLabel] = segValue
    else if (key === 'Sort Space Used') {
      target[key] = leadingNumber(segValue)
      target['Sort Space Type'] = segLabel
    } else target[key] = leadingNumber(segValue)
    const originally = /\(originally (\d+)\)/.exec(segValue)
    if (originally !== null && key !== undefined) target[`Original ${key}`] = Number(originally[1])
  }
  return true
}

/**
 * Stores one `Label: value` line of a text plan node under the key EXPLAIN JSON uses: lists split on top-level
 * commas, counts as numbers, `Buffers` into the ten block counters, `Foreign File Size: 210365 b` as bytes,
 * multi-part lines (`Sort Method: quicksort  Memory: 25kB`) into their parts. Other lines are kept as text.
 */
export function applyNodeProperty(target: PgJsonObject, label: string, value: string): void {
  if (label === 'Buffers') parseBuffers(target, value)
  else if (LIST_KEYS.has(label)) target[label] = splitTopLevel(value)
  else if (NUMBER_KEYS.has(label) || label === 'Foreign File Size') target[label] = leadingNumber(value)
  else if (BOOLEAN_KEYS.has(label)) target[label] = value === 'true'
  else if (!setSegments(target, label, value)) target[label] = value
}

/** `name = 'value', other = 'x'` (the `Settings:` line) → `{ name: 'value', other: 'x' }`. */
export function parseSettings(value: string): Record<string, string> {
  const settings: Record<string, string> = {}
  for (const match of value.matchAll(/([\w.]+) = '((?:[^']|'')*)'/g)) {
    settings[match[1] as string] = (match[2] as string).replaceAll("''", "'")
  }
  return settings
}

/** `Worker 3:  actual time=1.0..2.0 rows=7 loops=1` → a `Workers` entry; null when the line is not one. */
export function parseWorkerLine(text: string): { worker: PgJsonObject; rest: string } | null {
  const match = /^Worker (\d+):\s+(.*)$/.exec(text)
  if (match === null) return null
  const worker: PgJsonObject = { 'Worker Number': Number(match[1]) }
  let rest = match[2] as string
  const actual = /^actual (?:time=([\d.]+)\.\.([\d.]+) )?rows=([\d.]+) loops=(\d+)\s*/.exec(rest)
  if (actual !== null) {
    if (actual[1] !== undefined) {
      worker['Actual Startup Time'] = Number(actual[1])
      worker['Actual Total Time'] = Number(actual[2])
    }
    worker['Actual Rows'] = Number(actual[3])
    worker['Actual Loops'] = Number(actual[4])
    rest = rest.slice(actual[0].length)
  }
  return { worker, rest: rest.trim() }
}
