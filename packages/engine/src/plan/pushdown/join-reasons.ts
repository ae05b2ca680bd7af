import { splitConjuncts } from '../expression.js'
import type { PlanNode } from '../../api/contract/plan.js'
import { isSubplan } from '../plan-walk.js'
import { expressionCause } from './expression-causes.js'
import type { Cause } from './expression-causes.js'
import {
  badEstimates,
  causeContext,
  isDeduplication,
  remoteEstimateAdvice,
  sameLevelNodes,
  throughPassThrough,
} from './scan-context.js'
import type { ScanContext } from './scan-context.js'

const LOCAL_SCANS = new Set([
  'Seq Scan',
  'Index Scan',
  'Index Only Scan',
  'Bitmap Heap Scan',
  'Tid Scan',
  'Tid Range Scan',
  'Sample Scan',
  'Function Scan',
  'Values Scan',
  'CTE Scan',
  'WorkTable Scan',
])

/** The condition text of a join node: `Hash Cond` / `Merge Cond`, plus its `Join Filter`. */
export function joinCondition(join: PlanNode): string | undefined {
  const parts = [join.hashCond ?? join.mergeCond, join.joinFilter].filter((part) => part !== undefined)
  return parts.length === 0 ? undefined : parts.join(' AND ')
}

function describeLocal(nodes: PlanNode[]): string {
  const names = nodes.map((node) =>
    node.relation === null ? node.label : node.schema === null ? node.relation : `${node.schema}.${node.relation}`,
  )
  return [...new Set(names)].join(', ') || 'rows computed in the hub'
}

function semiJoinCause(anti: boolean, deduplicated: boolean, context: ScanContext): Cause | null {
  if (context.identity.fdw !== 'postgres_fdw') return null
  if (anti) return { reason: 'postgres_fdw does not push anti-joins (NOT EXISTS / NOT IN sub-selects)' }
  const version = context.hubVersion
  if (version !== null && version >= 17) {
    if (!deduplicated) return null
    return {
      reason:
        'the planner turned the IN (SELECT …) into an inner join over de-duplicated keys, and the de-duplication ' +
        'runs in the hub',
      advice: 'Write it as EXISTS (SELECT 1 FROM … WHERE …): postgres_fdw 17+ sends a semi-join to the source',
    }
  }
  const hub = version === null ? '' : ` (this hub runs PostgreSQL ${version})`
  return {
    reason: `postgres_fdw pushes semi-joins (IN / EXISTS sub-selects) only from PostgreSQL 17 on${hub}`,
    advice:
      'On a PostgreSQL 17+ hub write it as EXISTS (SELECT 1 FROM … WHERE …): it is sent to the source as one query',
  }
}

/**
 * Why a join node above a Foreign Scan ran in the hub: the other side is local or on another server, the FDW
 * cannot join, a semi- or anti-join the FDW does not push, a local filter an outer join must apply first, a
 * condition the FDW cannot send, or (the rest) a cost choice that `use_remote_estimate` informs better.
 */
export function joinCause(join: PlanNode, fromChild: PlanNode, context: ScanContext): Cause {
  const inputs = join.children.filter((child) => !isSubplan(child))
  const other = inputs.find((child) => child !== fromChild)
  const otherNodes = other === undefined ? [] : sameLevelNodes(other)
  const foreign = otherNodes.filter((node) => node.nodeType === 'Foreign Scan')
  const server = context.identity.server
  if (foreign.length === 0) {
    return {
      reason:
        `the other side (${describeLocal(otherNodes.filter((n) => LOCAL_SCANS.has(n.nodeType)))}) is not a foreign ` +
        `table of ${server ?? 'this server'}: a join is sent only when both sides are foreign tables of one server`,
    }
  }
  const servers = [...new Set(foreign.map((node) => context.identities.get(node.id)?.server ?? null))]
  const elsewhere = servers.filter((name) => name !== null && name !== server)
  if (server !== null && elsewhere.length > 0) {
    return {
      reason:
        `the other side reads server ${elsewhere.join(', ')} while this scan reads ${server}: a join is sent ` +
        `only within one foreign server`,
    }
  }
  if (context.identity.fdw === 'file_fdw') return { reason: 'file_fdw cannot join: the hub joins the file’s rows' }
  const joinType = join.joinType ?? 'Inner'
  const deduplicated = inputs.some((input) => isDeduplication(throughPassThrough(input)))
  if (/Semi|Anti/.test(joinType) || deduplicated) {
    const semi = semiJoinCause(joinType.includes('Anti'), deduplicated, context)
    if (semi !== null) return semi
  }
  if (joinType !== 'Inner') {
    const filtered = inputs.flatMap(sameLevelNodes).find((n) => n.nodeType === 'Foreign Scan' && n.filter !== undefined)
    if (filtered !== undefined) {
      return {
        reason:
          `the ${joinType.toLowerCase()} join must apply the local filter \`${splitConjuncts(filtered.filter ?? '')[0]}\` ` +
          `(node #${filtered.id}) before joining, so it cannot be sent`,
        advice: 'Make that filter shippable (see its verdict): the join can then be sent',
      }
    }
  }
  const condition = expressionCause(joinCondition(join) ?? '', causeContext(context))
  if (condition !== null) return condition
  const factors = inputs.flatMap(badEstimates)
  const estimates =
    factors.length === 0
      ? ''
      : ` (row estimates of its foreign scans are off by up to ${Math.round(Math.max(...factors))}×)`
  const advice = remoteEstimateAdvice(context)
  return {
    reason:
      `the planner estimated the join cheaper in the hub${estimates}; without use_remote_estimate ` +
      `${context.identity.fdw ?? 'the FDW'} guesses the cost and rows of a remote join`,
    ...(advice && { advice }),
  }
}
