/**
 * Filters, plans and reads of catalog tables on a hub: the library API (`Workbench`: `lazyLoadTable`,
 * `buildSelectQuery`, `optimizeQuery`) and what the engine's `query/build`, `table/select`, `plan/explain` and
 * `plan/parse` do, composed from the query, exec and plan rooms.
 */
export { Workbench } from './workbench.js'
export type { LoadTableOptions, OptimizedQuery, SelectQuery, TableQuery } from './workbench.types.js'
export type { TableName } from './table-lookup.js'
export { explainStatement, isPushDownEligible } from './explain-statement.js'
export type { Statement } from './explain-statement.js'
export { inlineParameters } from './inline-sql.js'
export { readPlanContext } from './plan-context.js'
