import type { PlanNode } from '../../api/contract/plan.js'
import { descendantsOf, isSubplan } from '../plan-walk.js'
import type { CauseContext } from './expression-causes.js'
import type { ForeignIdentity } from './foreign-identity.js'

/** What the pushdown rules know while judging the clauses around one Foreign Scan. */
export interface ScanContext {
  scan: PlanNode
  identity: ForeignIdentity
  /** Identity of every Foreign Scan of the plan, by node id. */
  identities: ReadonlyMap<number, ForeignIdentity>
  byId: ReadonlyMap<number, PlanNode>
  /** Views created WITH (security_barrier), by bare or qualified name. */
  securityBarrierViews: readonly string[]
  /** Major version of the hub when known (some FDW abilities depend on it). */
  hubVersion: number | null
}

const JOIN_TYPES = new Set(['Nested Loop', 'Hash Join', 'Merge Join'])
const AGGREGATE_TYPES = new Set(['Aggregate', 'Group', 'Unique'])
const SORT_TYPES = new Set(['Sort', 'Incremental Sort'])
const PASS_THROUGH = new Set(['Hash', 'Materialize', 'Memoize', 'Sort', 'Incremental Sort', 'Gather', 'Gather Merge'])
const AGGREGATE_CALL =
  /\b(count|sum|avg|min|max|string_agg|array_agg|bool_and|bool_or|every|stddev\w*|var_\w+|variance|jsonb?_agg)\(/i

/** Nested Loop, Hash Join or Merge Join. */
export const isJoin = (node: PlanNode): boolean => JOIN_TYPES.has(node.nodeType)
/** Aggregate, Group or Unique (DISTINCT). */
export const isAggregate = (node: PlanNode): boolean => AGGREGATE_TYPES.has(node.nodeType)
/** Sort or Incremental Sort. */
export const isSort = (node: PlanNode): boolean => SORT_TYPES.has(node.nodeType)

/** The FDW and server of the scan, as `expressionCause` words its reasons. */
export function causeContext(context: ScanContext): CauseContext {
  return { fdw: context.identity.fdw, server: context.identity.server }
}

/** An Aggregate, Group or Unique that only removes duplicate keys (no aggregate function in its output). */
export function isDeduplication(node: PlanNode): boolean {
  return isAggregate(node) && !node.output.some((item) => AGGREGATE_CALL.test(item)) && node.partialMode !== 'Partial'
}

/** The first node below `node` (itself included) that is not a Hash, Materialize, Memoize, Sort or Gather. */
export function throughPassThrough(node: PlanNode): PlanNode {
  let current = node
  while (PASS_THROUGH.has(current.nodeType) && current.children[0] !== undefined) current = current.children[0]
  return current
}

/** The nodes of the subtree of `node` that belong to the same query level (no InitPlans, SubPlans, CTEs). */
export function sameLevelNodes(node: PlanNode): PlanNode[] {
  return [node, ...node.children.filter((child) => !isSubplan(child)).flatMap(sameLevelNodes)]
}

/** True when `condition` mentions one of `aliases` (`o.id`), or names no alias at all. */
export function mentionsAliases(condition: string, aliases: readonly string[]): boolean {
  if (!/\w\.\w/.test(condition)) return true
  return aliases.some((alias) => new RegExp(`(?<![\\w$.])"?${alias.replace(/[^\w$]/g, '\\$&')}"?\\.`).test(condition))
}

/** Misestimation factors (≥ 10×) of the Foreign Scans in the subtree of `node`. */
export function badEstimates(node: PlanNode): number[] {
  return [node, ...descendantsOf(node)]
    .filter((n) => n.nodeType === 'Foreign Scan' && n.misestimate !== null && n.misestimate.factor >= 10)
    .map((n) => n.misestimate?.factor ?? 1)
}

/** `ALTER SERVER … use_remote_estimate` advice, for FDWs that have the option. */
export function remoteEstimateAdvice(context: ScanContext): string | undefined {
  if (context.identity.fdw !== 'postgres_fdw' && context.identity.fdw !== null) return undefined
  const server = context.identity.server ?? '<server>'
  return (
    `Let the planner ask the source for estimates: ALTER SERVER ${server} OPTIONS (ADD use_remote_estimate 'true') ` +
    `(or per foreign table), and ANALYZE the foreign tables`
  )
}
