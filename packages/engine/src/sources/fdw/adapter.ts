import type { FdwOption } from '../../api/contract/sources.js'
import type { DdlStatement } from '../ddl-statement.js'
import type { SourceConfig } from '../source-config.js'

/** What an FDW can push to its source (the plan view explains the rest). */
export interface Pushdown {
  filters: boolean
  sorts: boolean
  limits: boolean
  joins: boolean
  aggregates: boolean
}

/**
 * What the engine knows about one FDW: packaging, read-only defaults, import support, its options with
 * defaults and version constraints, how to show its location, and its own error messages.
 */
export interface FdwAdapter {
  extension: string
  /** Display name, e.g. "MySQL / MariaDB". */
  label: string
  description: string
  /** Debian package that provides the extension for a PostgreSQL `major` (what to install when missing). */
  debianPackage(major: number): string
  /**
   * Server options added unless the config sets them: the hub only reads, so servers are created read-only
   * where the FDW has such an option (postgres_fdw `updatable`, ogr_fdw `updateable`; mysql_fdw 2.8, file_fdw
   * and tds_fdw lack one: queries run in READ ONLY transactions and tds_fdw cannot write at all).
   */
  readOnlyServerOptions: Readonly<Record<string, string>>
  /** Further server options added unless the config sets them (postgres_fdw and mysql_fdw `fetch_size` 10000). */
  defaultServerOptions: Readonly<Record<string, string>>
  /** How the engine keeps the source read-only, in words (for the UI and the docs). */
  readOnly: string
  /** Options added to `IMPORT FOREIGN SCHEMA` unless the config sets them. */
  importOptions: Readonly<Record<string, string>>
  supportsImport: boolean
  /**
   * The engine runs ANALYZE on new foreign tables for row estimates. Off for mysql_fdw: 2.8 gathers nothing
   * ("cannot analyze this foreign table") and crashes the hub backend on a MySQL view (it reads a NULL
   * data_length); off for tds_fdw, whose ANALYZE would run the remote query.
   */
  analyze: boolean
  /** ogr_fdw's EXPLAIN shows no remote query; the others show it with VERBOSE. */
  explainShowsRemoteSql: boolean
  pushdown: Pushdown
  /** URI schemes that make a source of this FDW (`file` is shared by file_fdw and ogr_fdw). */
  uriSchemes: readonly string[]
  /** The option catalog: every option of every version the engine knows, filtered by `optionsFor`. */
  options: readonly FdwOption[]
  /**
   * SQL answering the FDW library's release (one text column) once the extension exists, e.g.
   * `SELECT mysql_fdw_version()`; null when the FDW has no such function.
   */
  versionQuery: string | null
  /** Host or file shown in the catalog; never credentials. */
  describeLocation(source: SourceConfig): string | null
  /**
   * Statements run right after `IMPORT FOREIGN SCHEMA` into `rawSchema`, to correct the FDW's type mapping
   * (mysql_fdw imports DECIMAL(p,s) as bare numeric); hub DDL only, the remote is only read.
   */
  afterImport?(source: SourceConfig, rawSchema: string): DdlStatement[]
}

/** Builds an option entry with the usual defaults (not required, not secret, no engine default). */
export function option(
  name: string,
  scope: FdwOption['scope'],
  type: FdwOption['type'],
  defaultValue: string | null,
  description: string,
  extra: Partial<Omit<FdwOption, 'name' | 'scope' | 'type' | 'default' | 'description'>> = {},
): FdwOption {
  return {
    name,
    scope,
    type,
    default: defaultValue,
    description,
    engineDefault: null,
    required: false,
    secret: false,
    ...extra,
  }
}

/** `host[:port][/db]` from the server options; null without a host. */
export function hostLocation(source: SourceConfig, database?: string): string | null {
  const { host, port, dbname } = source.serverOptions
  if (host === undefined) return null
  const db = database ?? dbname
  return `${host}${port ? `:${port}` : ''}${db ? `/${db}` : ''}`
}

/** All pushdowns off (ogr_fdw pushes only simple filters; file_fdw none). */
export const NO_PUSHDOWN: Pushdown = { filters: false, sorts: false, limits: false, joins: false, aggregates: false }
