export { applySources } from './apply-sources.js'
export type { ApplyOptions, SourceApplyResult } from './apply-sources.js'
export { planSourceDdl, planSourceRemoval, printPlan, rawSchemaName } from './ddl-plan.js'
export type { ExistingSourceState } from './ddl-plan.js'
export type { DdlAction, DdlStatement } from './ddl-statement.js'
export { fdwAdapter } from './fdw-adapters.js'
export type { FdwAdapter } from './fdw-adapters.js'
export { loadSourcesConfig, parseSourcesConfig } from './parse-config.js'
export { isSecretOption } from './secret-options.js'
export type {
  CacheConfig,
  ForeignColumnConfig,
  ForeignTableConfig,
  ImportSchemaConfig,
  SourceConfig,
  SourcesConfig,
} from './source-config.js'
export { quoteIdent, quoteLiteral, quoteQualified } from './sql-quote.js'
