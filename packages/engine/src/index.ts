/**
 * `@idw/engine`: the Instant Data Workbench engine. Hosts use `Engine` (through its `router`) and
 * `resolveEngineOptions`; everything the browser may see is in the `@idw/engine/api` subpath. Node programs filter,
 * read and explain tables with a `Workbench` (`engine.workbench`, or `new Workbench(pool)` on a hub pool).
 */
export * from './api/contract/index.js'
export { Engine } from './api/engine.js'
export type { EngineHealth } from './api/engine.js'
export { resolveEngineOptions } from './api/engine-options.js'
export { defaultDataFolder } from './hub/index.js'
export type { EngineOptions } from './api/engine-options.js'
export { createRouter } from './api/router.js'
export type { ApiHandlers, Router, StreamHandlers } from './api/router.js'
export { toErrorBody } from './api/error-body.js'
export type { ErrorLog } from './api/error-body.js'
export { createLogger } from './api/logger.js'
export { applyFailed, formatApplyReport } from './sources/index.js'
export type { ApplyReport, SourceApplyResult } from './sources/index.js'
export { Workbench } from './workbench/index.js'
export type { LoadTableOptions, OptimizedQuery, SelectQuery, TableName, TableQuery } from './workbench/index.js'
export { buildSelectQuery } from './query/index.js'
export type { CompiledQuery } from './query/index.js'
export { analyzePlan } from './plan/index.js'
export type { PushdownOptions } from './plan/index.js'
