export { applySources } from './apply-sources.js'
export type { ApplyOptions, SourceApplyResult } from './apply-sources.js'
export { applyFailed, formatApplyReport } from './apply-report.js'
export type { ApplyReport } from './apply-report.js'
export { planSourceDdl, planSourceRemoval, rawSchemaName } from './ddl-plan.js'
export type { ExistingSourceState } from './ddl-plan.js'
export type { DdlAction, DdlStatement } from './ddl-statement.js'
export { FDW_ADAPTERS, fdwAdapter, optionsFor } from './fdw/index.js'
export type { FdwAdapter } from './fdw/index.js'
export { loadSourcesConfig, parseSourcesConfig } from './parse-config.js'
export { isSecretOption } from './secret-options.js'
export { SourceService } from './service/source-service.js'
export type { SourceServiceOptions } from './service/source-service.js'
export type {
  CacheConfig,
  ForeignColumnConfig,
  ForeignTableConfig,
  ImportSchemaConfig,
  SourceConfig,
  SourcesConfig,
} from './source-config.js'
export { parseSourceUri } from './source-uri.js'
export { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.js'
