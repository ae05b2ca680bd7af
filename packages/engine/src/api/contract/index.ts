/**
 * The browser-safe API contract of the engine (`@idw/engine/api`): method names, zod schemas of inputs and
 * outputs, error codes and shared types. Imports nothing from Node.
 */
export { EngineError, ERROR_HTTP_STATUS, isErrorBody } from './errors.js'
export type { EngineErrorCode, ErrorBody } from './errors.js'
export { ExtensionInfo, HubStatus } from './hub.js'
export { Catalog, CatalogColumn, CatalogSource, CatalogTable } from './catalog.js'
export {
  ARROW_STREAM_MIME,
  DEFAULT_GRID_ROW_CAP,
  PG_TYPE_METADATA_KEY,
  QueryCancelInput,
  QueryCancelOutput,
  QueryRunInput,
  QueryStatus,
  QueryStatusInput,
} from './query.js'
export { ExportFormat, ExportJob, ExportJobInput, ExportStartInput } from './export.js'
export { API, STREAM_API, isApiMethod, isStreamMethod } from './methods.js'
export type { ApiInput, ApiMethod, ApiOutput, StreamInput, StreamMethod, StreamResponse } from './methods.js'
