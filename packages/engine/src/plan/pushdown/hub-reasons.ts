import { splitConjuncts } from '../expression.js'
import type { PlanNode } from '../../api/contract/plan.js'
import { expressionCause, leakyOperator } from './expression-causes.js'
import type { Cause } from './expression-causes.js'
import { causeContext, isAggregate, isDeduplication, isJoin, isSort, remoteEstimateAdvice } from './scan-context.js'
import type { ScanContext } from './scan-context.js'

const LEAKPROOF_ADVICE =
  'Use a leakproof comparison where you can (integer, float, date and timestamp comparisons and text equality are ' +
  'leakproof; LIKE and numeric comparisons are not), or ask the hub administrator whether the function may be ' +
  'marked LEAKPROOF'

function fdwLabel(context: ScanContext): string {
  return context.identity.fdw ?? 'the FDW'
}

function localFilterOf(context: ScanContext): string | null {
  const first = splitConjuncts(context.scan.filter ?? '')[0]
  return first ?? null
}

/** A `Filter` line on the Foreign Scan itself: the source could not run it. */
export function filterCause(conjunct: string, context: ScanContext): Cause {
  const found = expressionCause(conjunct, causeContext(context))
  if (found !== null) return found
  if (context.identity.fdw === 'file_fdw') {
    return {
      reason: 'file_fdw cannot filter: it reads every line of the file and the hub applies the filter',
      advice: 'For repeated queries, cache the file in a table or a materialized view and index it',
    }
  }
  if (context.scan.remoteSql === undefined && context.scan.remoteQuery === undefined) {
    return { reason: `${fdwLabel(context)} shows nothing it sent; this Filter line runs in the hub` }
  }
  return {
    reason:
      `${fdwLabel(context)} judged this expression unsafe to evaluate at the source (common causes: a ` +
      `non-default collation on the column or the constant, an operator or type the source may not have)`,
  }
}

/** A `Filter` on a node above the scan (a Subquery Scan over a security_barrier view, typically). */
export function aboveFilterCause(conjunct: string, node: PlanNode, between: PlanNode[], context: ScanContext): Cause {
  const found = expressionCause(conjunct, causeContext(context))
  if (found !== null) return found
  if (isJoin(node)) return { reason: 'it is evaluated on the rows of a join computed in the hub' }
  const fence = between.find((n) => n.nodeType === 'Limit' || isAggregate(n) || isJoin(n) || n.nodeType === 'WindowAgg')
  if (fence !== undefined) {
    return {
      reason: `it sits above a sub-select with ${fence.label} (node #${fence.id}) that a filter cannot be moved into`,
    }
  }
  const view = node.alias ?? '?'
  const known = context.securityBarrierViews.some((name) => name === view || name.endsWith(`.${view}`))
  const what = known ? `the security_barrier view ${view}` : `the view ${view} (a security_barrier view, presumably)`
  return {
    reason:
      `${leakyOperator(conjunct)} is not LEAKPROOF, so PostgreSQL keeps this predicate above ${what} and ` +
      `evaluates it in the hub after the view's own filter, which was sent to the source`,
    advice: LEAKPROOF_ADVICE,
  }
}

/** Why a Sort above the scan ran in the hub; `between` = the nodes between the Sort and the scan. */
export function sortCause(sort: PlanNode, between: PlanNode[], context: ScanContext): Cause {
  const join = between.find(isJoin)
  if (join !== undefined) return { reason: `it sorts the result of a join computed in the hub (node #${join.id})` }
  const aggregate = between.find(isAggregate)
  if (aggregate !== undefined) return { reason: `it sorts rows aggregated in the hub (node #${aggregate.id})` }
  if (context.identity.fdw === 'file_fdw') return { reason: 'file_fdw cannot sort: it returns the lines in file order' }
  const keys = expressionCause((sort.sortKey ?? []).join(', '), causeContext(context))
  if (keys !== null) return keys
  const parent = sort.parentId === null ? undefined : context.byId.get(sort.parentId)
  const advice = remoteEstimateAdvice(context)
  if (parent?.nodeType === 'Merge Join') {
    return { reason: `it feeds a Merge Join computed in the hub (node #${parent.id})`, ...(advice && { advice }) }
  }
  return {
    reason:
      context.identity.fdw === 'postgres_fdw' || context.identity.fdw === null
        ? 'the planner found sorting in the hub cheaper: without use_remote_estimate postgres_fdw prices a remote ' +
          'sort at 1.2 × the unsorted scan'
        : `${fdwLabel(context)} did not send ORDER BY for these sort keys`,
    ...(advice && { advice }),
  }
}

/** Why a Limit above the scan ran in the hub (`between` as for `sortCause`). */
export function limitCause(between: PlanNode[], context: ScanContext): Cause {
  const join = between.find(isJoin)
  if (join !== undefined) return { reason: `it applies to the result of a join computed in the hub (node #${join.id})` }
  const aggregate = between.find(isAggregate)
  if (aggregate !== undefined) return { reason: `it applies to rows aggregated in the hub (node #${aggregate.id})` }
  const sort = between.find(isSort)
  if (sort !== undefined) return { reason: `it applies to rows sorted in the hub (node #${sort.id})` }
  const above = between.find((n) => n.filter !== undefined)
  if (above !== undefined) return { reason: `the filter of node #${above.id} must run in the hub first` }
  const filter = localFilterOf(context)
  if (filter !== null) {
    return {
      reason:
        `blocked by the local filter \`${filter}\`: the source cannot stop after N rows when the hub discards ` +
        `some of them, so it streams rows until the hub has enough`,
      advice: 'Make that filter shippable (see its verdict): the LIMIT is then sent with it',
    }
  }
  if (context.identity.fdw === 'file_fdw') {
    return { reason: 'file_fdw cannot limit; it stops reading once the hub has enough rows' }
  }
  return { reason: `${fdwLabel(context)} did not send the LIMIT` }
}

/** Why an Aggregate, Group or Unique above the scan ran in the hub (`between` as for `sortCause`). */
export function aggregateCause(aggregate: PlanNode, between: PlanNode[], context: ScanContext): Cause {
  if (isDeduplication(aggregate) && context.byId.get(aggregate.parentId ?? -1)?.nodeType === 'Hash') {
    return {
      reason: 'it removes duplicate keys of an IN (SELECT …) sub-select so that the hub can join them as an inner join',
    }
  }
  const join = between.find(isJoin)
  if (join !== undefined) return { reason: `it aggregates the result of a join computed in the hub (node #${join.id})` }
  const filter = localFilterOf(context)
  if (filter !== null) {
    return {
      reason: `its input still needs the local filter \`${filter}\`, so the aggregate runs in the hub too`,
      advice: 'Make that filter shippable (see its verdict): the aggregate can then be sent with it',
    }
  }
  if (context.identity.fdw === 'file_fdw') return { reason: 'file_fdw cannot aggregate: the hub reads every line' }
  if (aggregate.partialMode === 'Partial' || aggregate.partialMode === 'Finalize') {
    return { reason: 'the planner chose a parallel aggregate in the hub' }
  }
  const expressions = [...(aggregate.groupKey ?? []), ...aggregate.output].join(', ')
  const found = expressionCause(expressions, causeContext(context))
  if (found !== null) return found
  const advice = remoteEstimateAdvice(context)
  return {
    reason:
      'the planner chose to aggregate in the hub (an aggregate or grouping expression the FDW cannot send, or a ' +
      'cheaper local estimate)',
    ...(advice && { advice }),
  }
}
