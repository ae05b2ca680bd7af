/** The plan room: EXPLAIN runner, plan model, pushdown analysis, warnings and advice. */
export { analyzePlan } from './analyze-plan.js'
export type { AnalyzeOptions } from './analyze-plan.js'
export { buildExplainSql, explainQuery } from './explain-query.js'
export type { ExplainOptions } from './explain-query.js'
export { parsePlan } from './parse/parse-plan.js'
export { analyzePushdown } from './pushdown/analyze-pushdown.js'
export type { PushdownOptions } from './pushdown/analyze-pushdown.js'
export type { ForeignRelationInfo, ForeignRelationMap } from './pushdown/foreign-identity.js'
export { planWarnings } from './warnings/plan-warnings.js'
export type { FetchSizes } from './warnings/plan-warnings.js'
export {
  ClauseKind,
  ExplainAnalysis,
  ForeignScanReport,
  Misestimate,
  Plan,
  PlanActuals,
  PlanBuffers,
  PlanNode,
  PlanWarning,
  PlanWorker,
  PushdownClause,
  WarningKind,
  WarningSeverity,
} from '../api/contract/plan.js'
