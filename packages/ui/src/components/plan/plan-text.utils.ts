import type { Plan, PlanNode } from '@idw/engine/api'

const fixed = (value: number | null, digits: number): string => (value === null ? '?' : value.toFixed(digits))

/** `(cost=a..b rows=n width=w)`, and `(actual time=x..y rows=r loops=l)` or `(never executed)` with ANALYZE. */
function measures(node: PlanNode, analyzed: boolean): string {
  const parts: string[] = []
  if (node.totalCost !== null) {
    parts.push(
      `(cost=${fixed(node.startupCost, 2)}..${fixed(node.totalCost, 2)} rows=${node.planRows ?? '?'} width=${node.planWidth ?? '?'})`,
    )
  }
  if (node.neverExecuted) parts.push('(never executed)')
  else if (node.actual !== null) {
    const time =
      node.actual.totalMs === null ? '' : `time=${fixed(node.actual.startupMs, 3)}..${fixed(node.actual.totalMs, 3)} `
    parts.push(`(actual ${time}rows=${roundRows(node.actual.rows)} loops=${node.actual.loops})`)
  } else if (analyzed) parts.push('(never executed)')
  return parts.join(' ')
}

function roundRows(rows: number): string {
  return Number.isInteger(rows) ? String(rows) : rows.toFixed(2)
}

/** The detail lines of a node, in the order PostgreSQL prints them. */
function detailLines(node: PlanNode): string[] {
  const lines: string[] = []
  const add = (name: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`${name}: ${value}`)
  }
  if (node.output.length > 0) add('Output', node.output.join(', '))
  add('Group Key', node.groupKey?.join(', '))
  add('Sort Key', node.sortKey?.join(', '))
  add('Hash Cond', node.hashCond)
  add('Merge Cond', node.mergeCond)
  add('Index Cond', node.indexCond)
  add('Recheck Cond', node.recheckCond)
  add('Join Filter', node.joinFilter)
  add('Rows Removed by Join Filter', node.rowsRemovedByJoinFilter)
  add('Filter', node.filter)
  add('Rows Removed by Filter', node.rowsRemovedByFilter)
  add('One-Time Filter', node.oneTimeFilter)
  add('Relations', node.relations)
  add('Remote SQL', node.remoteSql)
  add('Remote query', node.remoteQuery)
  add('Foreign File', node.foreignFile)
  add('Foreign File Size', node.foreignFileSize)
  add('Workers Planned', node.workersPlanned)
  add('Workers Launched', node.workersLaunched)
  if (node.buffers !== null) {
    const b = node.buffers
    const shared = [
      ['hit', b.sharedHit],
      ['read', b.sharedRead],
      ['dirtied', b.sharedDirtied],
      ['written', b.sharedWritten],
    ]
    const temp = [
      ['read', b.tempRead],
      ['written', b.tempWritten],
    ]
    const text = (label: string, pairs: (string | number)[][]): string | null => {
      const set = pairs.filter(([, n]) => n !== 0).map(([name, n]) => `${name}=${n}`)
      return set.length === 0 ? null : `${label} ${set.join(' ')}`
    }
    const groups = [text('shared', shared), text('temp', temp)].filter((part) => part !== null)
    if (groups.length > 0) add('Buffers', groups.join(', '))
  }
  for (const [name, value] of Object.entries(node.properties)) add(name, value)
  return lines
}

/**
 * The plan in PostgreSQL's text format as psql prints it (`->` per child, detail lines under each node, planning
 * and execution time at the end), rebuilt from the plan model; for reading and copying into a bug report.
 */
export function planToText(plan: Plan): string {
  const lines: string[] = []
  const walk = (node: PlanNode, depth: number): void => {
    const indent = depth === 0 ? '' : ' '.repeat(6 * depth - 4)
    if (node.subplanName !== null && depth > 0)
      lines.push(`${' '.repeat(Math.max(0, 6 * depth - 6))}${node.subplanName}`)
    lines.push(`${indent}${depth === 0 ? '' : '->  '}${node.label}  ${measures(node, plan.analyzed)}`.trimEnd())
    const detailIndent = ' '.repeat(depth === 0 ? 2 : 6 * depth + 2)
    for (const line of detailLines(node)) lines.push(detailIndent + line)
    for (const child of node.children) walk(child, depth + 1)
  }
  walk(plan.root, 0)
  for (const [name, value] of Object.entries(plan.settings)) lines.push(`Settings: ${name} = '${value}'`)
  if (plan.planningMs !== null) lines.push(`Planning Time: ${plan.planningMs.toFixed(3)} ms`)
  if (plan.executionMs !== null) lines.push(`Execution Time: ${plan.executionMs.toFixed(3)} ms`)
  return lines.join('\n')
}
