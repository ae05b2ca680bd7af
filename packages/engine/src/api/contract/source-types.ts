import { z } from 'zod'

/**
 * What `sources/types` answers: the source types the engine knows, whether the hub can use each, and each
 * FDW's option catalog (the dialog renders its form from it).
 */

/** The FDWs the engine has adapters for. */
export const FdwExtension = z.enum(['postgres_fdw', 'mysql_fdw', 'file_fdw', 'ogr_fdw', 'tds_fdw'])
export type FdwExtension = z.infer<typeof FdwExtension>

/** Where an FDW option goes. */
export const OptionScope = z.enum(['server', 'user_mapping', 'table', 'column', 'import'])
export type OptionScope = z.infer<typeof OptionScope>

/** One option of an FDW, for the dialog's form and the docs. */
export const FdwOption = z.object({
  name: z.string(),
  scope: OptionScope,
  type: z.enum(['string', 'integer', 'number', 'boolean', 'enum', 'path', 'list']),
  /** What the FDW does when the option is not set (as text), or null when there is no default. */
  default: z.string().nullable(),
  /** The value the engine sets when the user does not (e.g. `updatable` false), or null. */
  engineDefault: z.string().nullable(),
  description: z.string(),
  /** Values of an `enum` option. */
  values: z.array(z.string()).optional(),
  required: z.boolean(),
  secret: z.boolean(),
  /** The option exists from this PostgreSQL major on (core FDWs), or this FDW release (`fdwSince`). */
  since: z.number().int().optional(),
  fdwSince: z.string().optional(),
})
export type FdwOption = z.infer<typeof FdwOption>

/** One source type the engine knows, and whether this hub can use it. */
export const SourceType = z.object({
  extension: FdwExtension,
  /** Display name, e.g. "MySQL / MariaDB". */
  label: z.string(),
  description: z.string(),
  /** The hub can install the extension (`pg_available_extensions`). */
  available: z.boolean(),
  /** Version installed in the hub database, or null. */
  installedVersion: z.string().nullable(),
  /** Extension version the hub would install, or null. */
  availableVersion: z.string().nullable(),
  /** Release of the FDW library (mysql_fdw `2.8.0`, ogr_fdw `1.1 (GDAL 3.6.2)`), when it can be read. */
  fdwVersion: z.string().nullable(),
  /** When not available: the Debian/Ubuntu package to install on the hub's server, and what to do. */
  package: z.string(),
  install: z.string().nullable(),
  supportsImport: z.boolean(),
  /** False for ogr_fdw: its EXPLAIN shows no remote query, so the plan view cannot say what was pushed. */
  explainShowsRemoteSql: z.boolean(),
  /** What the FDW can push to the source. */
  pushdown: z.object({
    filters: z.boolean(),
    sorts: z.boolean(),
    limits: z.boolean(),
    joins: z.boolean(),
    aggregates: z.boolean(),
  }),
  uriSchemes: z.array(z.string()),
  /** How the engine keeps this source read-only. */
  readOnly: z.string(),
  /** File formats (GDAL drivers) the hub's ogr_fdw reads; empty for other FDWs. */
  formats: z.array(z.string()),
  /** The options of this FDW that exist on this hub's PostgreSQL and FDW versions. */
  options: z.array(FdwOption),
})
export type SourceType = z.infer<typeof SourceType>

/** `sources/types` output. */
export const SourceTypesOutput = z.object({
  hub: z.object({ version: z.string(), major: z.number().int() }),
  types: z.array(SourceType),
})
export type SourceTypesOutput = z.infer<typeof SourceTypesOutput>
