import { splitConjuncts } from '../expression.js'
import type { ClauseKind, PlanNode, PushdownClause } from '../../api/contract/plan.js'
import { ancestorsOf, isSubplan } from '../plan-walk.js'
import type { Cause } from './expression-causes.js'
import { aboveFilterCause, aggregateCause, filterCause, limitCause, sortCause } from './hub-reasons.js'
import { joinCause, joinCondition } from './join-reasons.js'
import { isAggregate, isDeduplication, isJoin, isSort, mentionsAliases } from './scan-context.js'
import type { ScanContext } from './scan-context.js'

function clause(kind: ClauseKind, text: string, node: PlanNode, cause: Cause): PushdownClause {
  return { text, kind, pushed: false, nodeId: node.id, ...cause }
}

function limitText(limit: PlanNode): string {
  const input = limit.children.find((child) => !isSubplan(child))
  const rows = limit.planRows
  return rows !== null && input?.planRows != null && rows < input.planRows ? `LIMIT ${rows}` : 'LIMIT'
}

function aggregateText(node: PlanNode): string {
  if (node.nodeType === 'Unique') return `DISTINCT ${node.output.join(', ')}`
  const keys = node.groupKey ?? []
  if (isDeduplication(node)) return `DISTINCT ${keys.join(', ')}`
  const aggregates = node.output.filter((item) => item.includes('(') && !keys.includes(item))
  return [aggregates.join(', '), keys.length > 0 ? `GROUP BY ${keys.join(', ')}` : ''].filter(Boolean).join(' ')
}

/** The clauses a node above the scan runs in the hub, judged for this scan. */
function ancestorClauses(node: PlanNode, child: PlanNode, between: PlanNode[], context: ScanContext): PushdownClause[] {
  const clauses: PushdownClause[] = []
  if (isJoin(node)) {
    const condition = joinCondition(node)
    if (condition === undefined || mentionsAliases(condition, context.identity.aliases)) {
      const type = (node.joinType ?? 'Inner').toUpperCase()
      const text =
        condition === undefined ? `${type} JOIN` : `${type} JOIN ON ${splitConjuncts(condition).join(' AND ')}`
      clauses.push(clause('join', text, node, joinCause(node, child, context)))
    }
  } else if (isSort(node)) {
    clauses.push(clause('sort', `ORDER BY ${(node.sortKey ?? []).join(', ')}`, node, sortCause(node, between, context)))
  } else if (node.nodeType === 'Limit') {
    clauses.push(clause('limit', limitText(node), node, limitCause(between, context)))
  } else if (isAggregate(node) && node.partialMode !== 'Finalize') {
    clauses.push(clause('aggregate', aggregateText(node), node, aggregateCause(node, between, context)))
  }
  for (const conjunct of splitConjuncts(node.filter ?? '')) {
    if (isJoin(node) && !mentionsAliases(conjunct, context.identity.aliases)) continue
    clauses.push(clause('filter', conjunct, node, aboveFilterCause(conjunct, node, between, context)))
  }
  return clauses
}

/**
 * The clauses of the user's query that touch this Foreign Scan's rows but run in the hub: the scan's own
 * `Filter` conjuncts, then, walking up to the root of its query level (a CTE, InitPlan or SubPlan is a level of
 * its own), every join involving its aliases, sort, limit, aggregate and filter above it, each with a reason and
 * advice where the plan shows one.
 */
export function hubClauses(context: ScanContext): PushdownClause[] {
  const { scan } = context
  const clauses = splitConjuncts(scan.filter ?? '').map((conjunct) =>
    clause('filter', conjunct, scan, filterCause(conjunct, context)),
  )
  const between: PlanNode[] = []
  let child = scan
  for (const node of ancestorsOf(scan, context.byId)) {
    if (isSubplan(child)) break
    clauses.push(...ancestorClauses(node, child, between, context))
    between.push(node)
    child = node
  }
  return clauses
}
