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
export * from './export.js'
export * from './sources.js'
export * from './plan.js'
export {
  BuiltQuery,
  ExplainInput,
  ExplainOutput,
  PlanParseInput,
  TableRef,
  TableRunInput,
  TableSelectInput,
} from './table.js'
export { SelectSpecSchema, OrderByItemSchema } from '../../query/select-spec.js'
export { classifyColumnType } from '../../query/column-types.js'
export type { ColumnFamily, ColumnType } from '../../query/column-types.js'
export { appliesTo, findColumnOperator, listOperators } from '../../query/operators.js'
export type { ColumnOperator } from '../../query/operators.js'
export type { SelectSpec, FilterInput, OrderByItem } from '../../query/select-spec.js'
export { API, STREAM_API, isApiMethod, isStreamMethod } from './methods.js'
export type {
  ApiInput,
  ApiMethod,
  ApiOutput,
  ApiParsedInput,
  StreamInput,
  StreamMethod,
  StreamResponse,
} from './methods.js'
