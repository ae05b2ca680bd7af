import type { ForeignScanReport, Plan, PlanNode, PushdownClause } from '../../api/contract/plan.js'
import { flattenPlan, indexPlan } from '../plan-walk.js'
import { identifyForeignScan } from './foreign-identity.js'
import type { ForeignIdentity, ForeignRelationMap } from './foreign-identity.js'
import { hubClauses } from './hub-clauses.js'
import { remoteClauses } from './remote-sql.js'

/** What the pushdown analysis may know besides the plan. */
export interface PushdownOptions {
  /** Foreign table → server and FDW (see `ForeignRelationMap`). */
  relations?: ForeignRelationMap
  /** Views created WITH (security_barrier), bare or schema-qualified. */
  securityBarrierViews?: readonly string[]
  /** Major version of the hub (13…18); some FDW abilities depend on it. */
  hubVersion?: number
}

const PARAMETERIZED =
  'sent once per row of the outer side of a Nested Loop in the hub, the outer value bound as a parameter'

function noteFor(scan: PlanNode, identity: ForeignIdentity, remote: string | null): string | undefined {
  if (identity.fdw === 'file_fdw') {
    return 'file_fdw reads the whole file in the hub and sends nothing: every filter, sort, limit and aggregate on it runs in the hub'
  }
  if (remote !== null) return undefined
  if (identity.fdw === 'ogr_fdw') {
    return (
      'ogr_fdw shows nothing in EXPLAIN: Filter lines on this scan ran in the hub, and any simple comparison it ' +
      'handed to OGR as an attribute filter is not shown'
    )
  }
  if (identity.fdw === 'postgres_fdw' || identity.fdw === 'mysql_fdw' || identity.fdw === 'tds_fdw') {
    return `EXPLAIN shows the query ${identity.fdw} sends only with VERBOSE: explain again with VERBOSE to see it`
  }
  return `${identity.fdw ?? 'This FDW'} shows no remote query in EXPLAIN, so what it sent to the source is unknown (scan #${scan.id})`
}

/**
 * mysql_fdw sends `~~` as `LIKE BINARY` and `~` as `REGEXP BINARY`, but `~~*` (ILIKE) as plain `LIKE` and `~*` as
 * plain `REGEXP`: those match case-insensitively only through the MySQL column's collation.
 */
const MYSQL_COLLATION_MATCH = /\b(LIKE|REGEXP)\s+(?!BINARY\b)/i
const MYSQL_COLLATION_ADVICE =
  'mysql_fdw sends ILIKE as LIKE and ~* as REGEXP: MySQL matches them case-insensitively only when the column has a ' +
  'case-insensitive collation (_ci, the default); on a _bin or _cs column they are case-sensitive, unlike in ' +
  'PostgreSQL. (Likewise =, <> and IN compare through the column collation there: case-insensitively on _ci.)'

function pushedClauses(remote: string | null, identity: ForeignIdentity): PushdownClause[] {
  if (remote === null) return []
  return remoteClauses(remote).map((found) => ({
    text: found.text,
    kind: found.kind,
    pushed: true,
    ...(found.parameterized === true && { reason: PARAMETERIZED }),
    ...(identity.fdw === 'mysql_fdw' &&
      found.kind === 'filter' &&
      MYSQL_COLLATION_MATCH.test(found.text) && { advice: MYSQL_COLLATION_ADVICE }),
  }))
}

/** The server and FDW of every Foreign Scan of `plan`, by node id. */
function identifyForeignScans(plan: Plan, relations: ForeignRelationMap = {}): Map<number, ForeignIdentity> {
  const scans = flattenPlan(plan.root).filter((node) => node.nodeType === 'Foreign Scan')
  return new Map(scans.map((scan) => [scan.id, identifyForeignScan(scan, relations)]))
}

/**
 * For every Foreign Scan of `plan`: its server and FDW, the text it sent (Remote SQL / Remote query), the
 * joins and aggregates pushed (`Relations`), and a verdict per clause — filters, joins, sorts, limits and
 * aggregates found in that text are pushed; the scan's own `Filter` and the joins, sorts, limits, aggregates and
 * filters above it run in the hub, each with the reason the plan shows and advice where one fixes it.
 */
export function analyzePushdown(plan: Plan, options: PushdownOptions = {}): ForeignScanReport[] {
  const byId = indexPlan(plan.root)
  const identities = identifyForeignScans(plan, options.relations)
  return [...identities].map(([nodeId, identity]) => {
    const scan = byId.get(nodeId) as PlanNode
    const remote = scan.remoteSql ?? scan.remoteQuery ?? null
    const context = {
      scan,
      identity,
      identities,
      byId,
      securityBarrierViews: options.securityBarrierViews ?? [],
      hubVersion: options.hubVersion ?? null,
    }
    const note = noteFor(scan, identity, remote)
    return {
      nodeId,
      server: identity.server,
      fdw: identity.fdw,
      remoteSql: remote,
      relations: scan.relations ?? null,
      tables: identity.tables,
      foreignFile:
        scan.foreignFile === undefined ? null : { path: scan.foreignFile, sizeBytes: scan.foreignFileSize ?? null },
      ...(note !== undefined && { note }),
      clauses: [...pushedClauses(remote, identity), ...hubClauses(context)],
    }
  })
}
