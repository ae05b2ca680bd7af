/** A source's version as the engine knows it, for the manifest. */
export interface SourceVersion {
  /** Source name as in the config (`flights`, `shop`). */
  name: string
  /** FDW extension (`postgres_fdw`, `mysql_fdw`…); null when unknown. */
  extension?: string | null
  /** The source server's version (`15.4`, `10.11.6-MariaDB`); null when unknown. */
  version?: string | null
}

/**
 * What the engine knows about where a dataset comes from, given to `ExportJobs.start` for the manifest. Every
 * field is optional: `principal` defaults to `'local'` (until the security room fills it), the rest to null/[].
 */
export interface DatasetContext {
  principal?: string
  /** `server_version` of the hub. */
  hubVersion?: string | null
  sources?: readonly SourceVersion[]
}

/** The statement behind an export, for the manifest. */
export interface StatementInfo {
  jobId: string | null
  /** The SQL as the user gave it. */
  sql: string
  /** The SQL the hub ran (with renames and casts). */
  executedSql: string
  /** Bind parameters (none yet: the exec room runs SQL text). */
  parameters: readonly unknown[]
  rename: Readonly<Record<string, string>>
  cast: Readonly<Record<string, string>>
  context: DatasetContext
}
