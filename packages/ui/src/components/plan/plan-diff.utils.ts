import type { PlanNode } from '@idw/engine/api'
import { nodeRows } from './plan-rows.utils'

/**
 * One line of a side-by-side plan comparison: a node of the earlier plan and its match in the later one.
 * - `same`: matched by position in the tree, node type, relation and alias;
 * - `changed`: matched by position and node type only (another relation or alias, or roots of different types);
 * - `removed` / `added`: only in the earlier / later plan.
 */
export interface PlanDiffRow {
  depth: number
  before: PlanNode | null
  after: PlanNode | null
  status: 'same' | 'changed' | 'removed' | 'added'
}

/** The identity a node is matched by under the same parent: type, relation and alias. */
function nodeKey(node: PlanNode): string {
  return [node.nodeType, node.schema ?? '', node.relation ?? '', node.alias ?? '', node.subplanName ?? ''].join('|')
}

/**
 * Aligns two plan trees for comparison, in preorder: the roots with each other, then each parent's children by
 * the longest common subsequence of their `nodeKey`s (so an inserted Sort or a swapped join side does not shift
 * every later match), then leftovers of the same node type in order; the rest is added or removed with its whole
 * subtree.
 */
export function diffPlans(before: PlanNode, after: PlanNode): PlanDiffRow[] {
  const rows: PlanDiffRow[] = []
  pair(before, after, 0, rows)
  return rows
}

function pair(before: PlanNode, after: PlanNode, depth: number, rows: PlanDiffRow[]): void {
  rows.push({ depth, before, after, status: nodeKey(before) === nodeKey(after) ? 'same' : 'changed' })
  for (const [left, right] of alignChildren(before.children, after.children)) {
    if (left !== null && right !== null) pair(left, right, depth + 1, rows)
    else if (left !== null) subtree(left, depth + 1, 'removed', rows)
    else if (right !== null) subtree(right, depth + 1, 'added', rows)
  }
}

function subtree(node: PlanNode, depth: number, status: 'removed' | 'added', rows: PlanDiffRow[]): void {
  rows.push({ depth, before: status === 'removed' ? node : null, after: status === 'added' ? node : null, status })
  for (const child of node.children) subtree(child, depth + 1, status, rows)
}

/** Child pairs in display order: LCS matches by key, then same-type leftovers between two matches. */
function alignChildren(left: PlanNode[], right: PlanNode[]): [PlanNode | null, PlanNode | null][] {
  const matches = longestCommonKeys(left.map(nodeKey), right.map(nodeKey))
  const pairs: [PlanNode | null, PlanNode | null][] = []
  let i = 0
  let j = 0
  for (const [mi, mj] of [...matches, [left.length, right.length] as const]) {
    pairs.push(...alignLoose(left.slice(i, mi), right.slice(j, mj)))
    if (mi < left.length && mj < right.length) pairs.push([left[mi]!, right[mj]!])
    i = mi + 1
    j = mj + 1
  }
  return pairs
}

/** Pairs nodes of the same type in order; the others stay unpaired (removed first, then added). */
function alignLoose(left: PlanNode[], right: PlanNode[]): [PlanNode | null, PlanNode | null][] {
  const pairs: [PlanNode | null, PlanNode | null][] = []
  const unmatchedRight = [...right]
  for (const node of left) {
    const k = unmatchedRight.findIndex((candidate) => candidate.nodeType === node.nodeType)
    if (k === -1) pairs.push([node, null])
    else pairs.push([node, unmatchedRight.splice(k, 1)[0]!])
  }
  for (const node of unmatchedRight) pairs.push([null, node])
  return pairs
}

/** Index pairs of a longest common subsequence of two key lists, ascending. */
function longestCommonKeys(a: string[], b: string[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j])
      i += 1
      j += 1
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i += 1
    else j += 1
  }
  return pairs
}

/** A figure of two plans side by side: both values and the later one relative to the earlier (`after / before`). */
export interface DiffFigure {
  before: number | null
  after: number | null
  /** `after / before`; null when either is unknown or the earlier is 0. */
  ratio: number | null
}

/** The figures a comparison row shows: total cost, rows (actual over all loops, else estimated), inclusive time. */
export type DiffMetric = 'cost' | 'rows' | 'time'

/** One figure of a diff row for `metric` (see `DiffMetric`). */
export function diffFigure(row: PlanDiffRow, metric: DiffMetric): DiffFigure {
  const before = row.before === null ? null : figure(row.before, metric)
  const after = row.after === null ? null : figure(row.after, metric)
  const ratio = before === null || after === null || before === 0 ? null : after / before
  return { before, after, ratio }
}

function figure(node: PlanNode, metric: DiffMetric): number | null {
  if (metric === 'cost') return node.totalCost
  if (metric === 'time') return node.inclusiveMs
  return nodeRows(node)
}
