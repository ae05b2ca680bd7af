/**
 * `@idw/engine`: the Instant Data Workbench engine. Hosts use `Engine` (through its `router`) and
 * `resolveEngineOptions`; everything the browser may see is in the `@idw/engine/api` subpath.
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
