import { z } from 'zod'

/** Buffer counts of a node as PostgreSQL reports them with `BUFFERS` (blocks of 8 kB, inclusive of children). */
export const PlanBuffers = z.object({
  sharedHit: z.number(),
  sharedRead: z.number(),
  sharedDirtied: z.number(),
  sharedWritten: z.number(),
  localHit: z.number(),
  localRead: z.number(),
  localDirtied: z.number(),
  localWritten: z.number(),
  tempRead: z.number(),
  tempWritten: z.number(),
})
export type PlanBuffers = z.infer<typeof PlanBuffers>

/** What `EXPLAIN ANALYZE` measured on a node, as PostgreSQL prints it: per-loop averages. */
export const PlanActuals = z.object({
  /** ms to the first row, average per loop; null with `TIMING OFF`. */
  startupMs: z.number().nullable(),
  /** ms to the last row, average per loop; null with `TIMING OFF`. */
  totalMs: z.number().nullable(),
  /** Rows per loop (fractional from PostgreSQL 18 on). */
  rows: z.number(),
  loops: z.number(),
})
export type PlanActuals = z.infer<typeof PlanActuals>

/** One parallel worker's share of a node (VERBOSE ANALYZE). */
export const PlanWorker = z.object({
  number: z.number().int(),
  startupMs: z.number().nullable(),
  totalMs: z.number().nullable(),
  rows: z.number(),
  loops: z.number(),
})
export type PlanWorker = z.infer<typeof PlanWorker>

/** Estimated against actual rows: `factor` ≥ 1; `under` = more rows than estimated, `over` = fewer. */
export const Misestimate = z.object({ factor: z.number(), direction: z.enum(['under', 'over']) })
export type Misestimate = z.infer<typeof Misestimate>

const PlanNodeFields = {
  /** Preorder position in the tree; the root is 0. */
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  /** PostgreSQL's `Node Type`: `Seq Scan`, `Foreign Scan`, `Aggregate`, `Hash Join`… */
  nodeType: z.string(),
  /** The node as the text format names it: `HashAggregate`, `Hash Right Join`, `Foreign Scan on raw_shop.orders o`. */
  label: z.string(),
  /** `Outer`, `Inner`, `Member`, `Subquery`, `InitPlan`, `SubPlan`; null for the root. */
  parentRelationship: z.string().nullable(),
  /** `CTE t`, `InitPlan 1`, `SubPlan 2 (returns $1)`… */
  subplanName: z.string().nullable(),
  joinType: z.string().optional(),
  /** Aggregate and SetOp strategy: `Plain`, `Sorted`, `Hashed`, `Mixed`. */
  strategy: z.string().optional(),
  /** `Partial` or `Finalize` for parallel aggregation. */
  partialMode: z.string().optional(),
  operation: z.string().optional(),
  parallelAware: z.boolean(),
  asyncCapable: z.boolean(),
  relation: z.string().nullable(),
  schema: z.string().nullable(),
  alias: z.string().nullable(),
  indexName: z.string().optional(),
  cteName: z.string().optional(),
  /** Planner cost units; null when the plan was made with `COSTS OFF`. */
  startupCost: z.number().nullable(),
  totalCost: z.number().nullable(),
  /** Total cost minus the children's total costs (≥ 0); cost units. */
  exclusiveCost: z.number().nullable(),
  /** Estimated rows per loop. */
  planRows: z.number().nullable(),
  /** Estimated average row width in bytes. */
  planWidth: z.number().nullable(),
  output: z.array(z.string()),
  filter: z.string().optional(),
  joinFilter: z.string().optional(),
  hashCond: z.string().optional(),
  mergeCond: z.string().optional(),
  indexCond: z.string().optional(),
  recheckCond: z.string().optional(),
  oneTimeFilter: z.string().optional(),
  sortKey: z.array(z.string()).optional(),
  groupKey: z.array(z.string()).optional(),
  /** Rows removed per loop, as PostgreSQL prints them. */
  rowsRemovedByFilter: z.number().optional(),
  rowsRemovedByJoinFilter: z.number().optional(),
  /** postgres_fdw `Remote SQL`. */
  remoteSql: z.string().optional(),
  /** mysql_fdw and tds_fdw `Remote query`. */
  remoteQuery: z.string().optional(),
  /** Foreign join or aggregate: `(raw_shop.orders o) INNER JOIN (raw_shop.customers c)`, `Aggregate on (…)`. */
  relations: z.string().optional(),
  foreignFile: z.string().optional(),
  /** Bytes. */
  foreignFileSize: z.number().optional(),
  workersPlanned: z.number().optional(),
  workersLaunched: z.number().optional(),
  workers: z.array(PlanWorker).optional(),
  /** Null without ANALYZE and for nodes that were never executed. */
  actual: PlanActuals.nullable(),
  neverExecuted: z.boolean(),
  /** Time spent in this node and below, all loops, ms (a mean across parallel participants). Null without timing. */
  inclusiveMs: z.number().nullable(),
  /** `inclusiveMs` minus the children's, ms, ≥ 0. */
  exclusiveMs: z.number().nullable(),
  buffers: PlanBuffers.nullable(),
  misestimate: Misestimate.nullable(),
  /** Every other property PostgreSQL printed, as text (`Sort Method`, `Peak Memory Usage`, FDW-specific lines…). */
  properties: z.record(z.string(), z.string()),
}

const PlanNodeBase = z.object(PlanNodeFields)

/** One node of a plan tree, with its children (preorder ids). */
export type PlanNode = z.infer<typeof PlanNodeBase> & { children: PlanNode[] }

/** Schema of `PlanNode` (recursive through `children`). */
export const PlanNode: z.ZodType<PlanNode> = PlanNodeBase.extend({
  children: z.lazy(() => z.array(PlanNode)),
})

/** A parsed plan: the tree and what PostgreSQL printed around it. */
export const Plan = z.object({
  /** Whether it was read from EXPLAIN's JSON or from text output. */
  source: z.enum(['json', 'text']),
  /** True when the plan has actual rows (EXPLAIN ANALYZE). */
  analyzed: z.boolean(),
  root: PlanNode,
  nodeCount: z.number().int(),
  planningMs: z.number().nullable(),
  executionMs: z.number().nullable(),
  /** Settings that differ from the defaults (`SETTINGS`): name → value. */
  settings: z.record(z.string(), z.string()),
  /** Other top-level facts (`JIT`, `Triggers`, `Query Identifier`…) as text. */
  properties: z.record(z.string(), z.string()),
})
export type Plan = z.infer<typeof Plan>

/** The kinds of clause whose pushdown is judged. */
export const ClauseKind = z.enum(['filter', 'join', 'sort', 'limit', 'aggregate'])
export type ClauseKind = z.infer<typeof ClauseKind>

/** A verdict on one clause: sent to the source (`pushed`) or run in the hub, why, and how to fix it. */
export const PushdownClause = z.object({
  text: z.string(),
  kind: ClauseKind,
  pushed: z.boolean(),
  reason: z.string().optional(),
  advice: z.string().optional(),
  /** The node that runs the clause in the hub (for local clauses). */
  nodeId: z.number().int().optional(),
})
export type PushdownClause = z.infer<typeof PushdownClause>

/** What one Foreign Scan asked its source and what stayed in the hub. */
export const ForeignScanReport = z.object({
  nodeId: z.number().int(),
  server: z.string().nullable(),
  fdw: z.string().nullable(),
  /** The text sent to the source (Remote SQL / Remote query); null when the FDW does not show one. */
  remoteSql: z.string().nullable(),
  /** Foreign join or aggregate as PostgreSQL lists it; null for a plain scan. */
  relations: z.string().nullable(),
  /** Foreign tables read by the scan (schema-qualified as the plan names them). */
  tables: z.array(z.string()),
  foreignFile: z.object({ path: z.string(), sizeBytes: z.number().nullable() }).nullable(),
  /** What the plan cannot tell about this scan (e.g. an FDW that shows nothing in EXPLAIN). */
  note: z.string().optional(),
  clauses: z.array(PushdownClause),
})
export type ForeignScanReport = z.infer<typeof ForeignScanReport>

/**
 * What a warning is about: `slow_node` (share of execution time), `costly_node` (share of estimated cost, without
 * ANALYZE), `misestimate` (rows), `rows_removed` (a filter discarding most rows), `remote_transfer` (rows fetched).
 */
export const WarningKind = z.enum(['slow_node', 'costly_node', 'misestimate', 'rows_removed', 'remote_transfer'])
export type WarningKind = z.infer<typeof WarningKind>

/** How much a warning matters: `info` < `warning` < `critical`. */
export const WarningSeverity = z.enum(['info', 'warning', 'critical'])
export type WarningSeverity = z.infer<typeof WarningSeverity>

/** Something worth a look on one node. */
export const PlanWarning = z.object({
  nodeId: z.number().int(),
  /** The node as the text format names it (its `label`), e.g. `Foreign Scan on raw_flights.flights`. */
  node: z.string(),
  kind: WarningKind,
  severity: WarningSeverity,
  message: z.string(),
  advice: z.string().optional(),
})
export type PlanWarning = z.infer<typeof PlanWarning>

/** The answer of `POST /api/v1/explain`: the plan, the pushdown report per Foreign Scan and the warnings. */
export const ExplainAnalysis = z.object({
  plan: Plan,
  foreignScans: z.array(ForeignScanReport),
  warnings: z.array(PlanWarning),
})
export type ExplainAnalysis = z.infer<typeof ExplainAnalysis>
