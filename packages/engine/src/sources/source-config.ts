/**
 * A source as the engine applies it (the config file's YAML normalised): one foreign server, its user mapping,
 * and either an imported remote schema or an explicit list of foreign tables. Option values are strings, as
 * PostgreSQL stores them.
 */
export interface SourceConfig {
  /** Source name: the hub schema people query (`<name>.<table>`) and the foreign server's name. */
  name: string
  /** FDW extension, e.g. `postgres_fdw`. */
  extension: string
  serverOptions: Readonly<Record<string, string>>
  /** Options of the user mapping for the engine's hub user; null = no user mapping (file_fdw). */
  userMappingOptions: Readonly<Record<string, string>> | null
  /** `IMPORT FOREIGN SCHEMA`; exactly one of `importSchema` and `tables` is set. */
  importSchema: ImportSchemaConfig | null
  tables: readonly ForeignTableConfig[] | null
  cache: CacheConfig | null
  tags: readonly string[]
}

/** `IMPORT FOREIGN SCHEMA remoteSchema [LIMIT TO (…) | EXCEPT (…)] … OPTIONS (…)`. */
export interface ImportSchemaConfig {
  remoteSchema: string
  limitTo?: readonly string[]
  except?: readonly string[]
  /** Options of the IMPORT statement itself (FDW-specific, e.g. mysql_fdw `import_enum_as_text`). */
  options?: Readonly<Record<string, string>>
}

/** An explicit `CREATE FOREIGN TABLE`. */
export interface ForeignTableConfig {
  name: string
  options: Readonly<Record<string, string>>
  /** Empty until inferred when `inferColumns` is set. */
  columns: readonly ForeignColumnConfig[]
  /**
   * The columns (and, when not given, `header`) are read from the file's first rows at each apply (file_fdw
   * CSV/TSV written without columns); a file whose shape changed is rebuilt like any changed table.
   */
  inferColumns?: boolean
}

/** A column of an explicitly declared foreign table: name, PostgreSQL type and column options. */
export interface ForeignColumnConfig {
  name: string
  /** PostgreSQL type, e.g. `text`, `numeric(10,2)`, `timestamp with time zone`. */
  type: string
  options: Readonly<Record<string, string>>
}

/** Result-cache wishes of a source (read by the cache room). Seconds. */
export interface CacheConfig {
  strategy?: string
  ttlSeconds?: number
}

/** A whole sources file: its sources by name, and whether the demo sources are kept beside them. */
export interface SourcesConfig {
  sources: Readonly<Record<string, SourceConfig>>
  demo?: boolean
}
