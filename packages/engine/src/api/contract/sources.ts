import { z } from 'zod'
import { FdwExtension } from './source-types.js'

/**
 * The sources API: what the "Add source" dialog, the source cards and the table picker call. Every method takes
 * either a draft (a source not saved yet: a URI or a form) or the name of a saved source. Secrets (passwords)
 * are accepted in drafts and never answered: a saved secret lives in the engine's vault and in the hub's user
 * mapping only.
 */

const RESERVED_NAMES = new Set(['idw', 'public', 'information_schema'])

/**
 * A source name: it becomes the schema people query and, prefixed with `raw_`, the hidden schema, so it is a
 * lower-case SQL name of at most 58 characters (`raw_` + 58 fits PostgreSQL's 63), not a reserved schema.
 */
export const SourceName = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]*$/,
    'a source name is lower-case letters, digits and _, not starting with a digit (it becomes a schema name)',
  )
  .max(58, 'a source name has at most 58 characters')
  .refine((n) => !RESERVED_NAMES.has(n) && !n.startsWith('pg_') && !n.startsWith('raw_'), {
    message: 'this source name is reserved (idw, public, information_schema, pg_*, raw_*)',
  })

const OptionValue = z.preprocess(
  (v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
  z.string({ error: 'an option value is a string, number or boolean' }),
)

/** FDW options: name → value (numbers and booleans are turned into the strings PostgreSQL stores). */
export const OptionMap = z.record(
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an option name is letters, digits and _'),
  OptionValue,
)

const TableName = z.string().min(1).max(63)

/** A PostgreSQL type name as written in DDL: `text`, `numeric(10,2)`, `timestamp(3) with time zone`, `int[]`. */
export const SqlTypeName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?( with(out)? time zone)?(\[\])*$/,
    'not a PostgreSQL type name (e.g. text, bigint, numeric(10,2), timestamp with time zone)',
  )

/** A column of a table written by hand. */
export const ColumnDraft = z
  .object({ name: z.string().min(1).max(63), type: SqlTypeName, options: OptionMap.default({}) })
  .strict()

/** An explicit foreign table (file_fdw); without `columns` they are inferred from the file's first rows. */
export const TableDraft = z
  .object({ name: TableName, options: OptionMap.default({}), columns: z.array(ColumnDraft).min(1).optional() })
  .strict()

/** `IMPORT FOREIGN SCHEMA remoteSchema [LIMIT TO (…) | EXCEPT (…)] OPTIONS (…)`. */
export const ImportDraft = z
  .object({
    remoteSchema: z.string().min(1),
    limitTo: z.array(TableName).min(1).optional(),
    except: z.array(TableName).min(1).optional(),
    options: OptionMap.optional(),
  })
  .strict()
  .refine((v) => !(v.limitTo && v.except), { message: 'use either limitTo or except, not both', path: ['except'] })

/**
 * A source given as a URI: `postgresql://user:pass@host:5432/db?schema=public`, `mysql://…/db`,
 * `mariadb://…/db`, `sqlserver://…/db?schema=dbo`, `file:///data/orders.csv?format=csv&header=true&delimiter=;`
 * (CSV/TSV through file_fdw) or `file:///data/book.xlsx` (XLSX, ODS, GeoJSON, SQLite, GeoPackage through
 * ogr_fdw). Special characters of the password are percent-encoded (`p%40ss` = `p@ss`), or given in
 * `password`, which replaces the URI's. A password written `${NAME}` is read from the engine's environment.
 */
export const UriDraft = z
  .object({
    kind: z.literal('uri'),
    name: SourceName,
    uri: z.string().min(1).max(8192),
    password: z.string().max(1024).optional(),
    /** The tables to import (the table picker's choice); default all. */
    limitTo: z.array(TableName).min(1).optional(),
    /** Server options set over the URI's (`fetch_size`…). */
    serverOptions: OptionMap.optional(),
    /** Options of IMPORT FOREIGN SCHEMA (`import_default`…). */
    importOptions: OptionMap.optional(),
    tags: z.array(z.string().min(1)).optional(),
  })
  .strict()
export type UriDraft = z.infer<typeof UriDraft>

/**
 * A source given as a form, the config file's shape in camelCase: the FDW, its server options (host, port,
 * dbname… see `sources/types` for each FDW's options), the user mapping's options (user and password) and
 * either an imported schema or explicit tables.
 */
export const FormDraft = z
  .object({
    kind: z.literal('form'),
    name: SourceName,
    extension: FdwExtension,
    serverOptions: OptionMap.default({}),
    userMappingOptions: OptionMap.nullable().optional(),
    importSchema: ImportDraft.optional(),
    tables: z.array(TableDraft).min(1).optional(),
    tags: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .refine((v) => !v.importSchema !== !v.tables, {
    message: 'a source has either importSchema or tables (exactly one)',
    path: ['importSchema'],
  })
export type FormDraft = z.infer<typeof FormDraft>

/** A source not saved yet. */
export const SourceDraft = z.discriminatedUnion('kind', [UriDraft, FormDraft])
export type SourceDraft = z.infer<typeof SourceDraft>

/** Input naming either a draft (`source`) or a saved source (`name`). */
const DraftOrName = z
  .object({ source: SourceDraft.optional(), name: SourceName.optional() })
  .strict()
  .refine((v) => !v.source !== !v.name, {
    message: 'give either source (a new source) or name (a saved one)',
  })

export { FdwExtension, FdwOption, OptionScope, SourceType, SourceTypesOutput } from './source-types.js'

/** `sources/parse-uri` input. */
export const ParseUriInput = z.object({ uri: z.string().min(1).max(8192), name: SourceName.optional() }).strict()
export type ParseUriInput = z.infer<typeof ParseUriInput>

/** `sources/parse-uri` output: the URI as a form (password left out), to fill the dialog. */
export const ParseUriOutput = z.object({
  draft: FormDraft,
  /** The URI held a password (left out of `draft`; send the URI or the password with `sources/add`). */
  hasPassword: z.boolean(),
  /** A source name made from the database or file name. */
  suggestedName: z.string(),
  location: z.string().nullable(),
})
export type ParseUriOutput = z.infer<typeof ParseUriOutput>

/** A source card. */
export const SourceCard = z.object({
  name: z.string(),
  fdw: z.string(),
  /** Display name of the type, e.g. "MySQL / MariaDB". */
  typeLabel: z.string(),
  /** Host or file, never credentials. */
  location: z.string().nullable(),
  /** Tables (views) people query in schema `<name>`. */
  tables: z.number().int(),
  /**
   * `ready`: server and schemas are in the hub; `incomplete`: some hub objects are missing (apply or refresh
   * again); `failed`: the last refresh failed (`statusMessage` says why).
   */
  status: z.enum(['ready', 'incomplete', 'failed']),
  statusMessage: z.string().nullable(),
  /** `config`: from the config file (`idw apply`); `api`: added from the UI or API. */
  origin: z.enum(['config', 'api']),
  tags: z.array(z.string()),
  appliedAt: z.string(),
  refreshedAt: z.string().nullable(),
})
export type SourceCard = z.infer<typeof SourceCard>

/** `sources/list` output, with whether the vault can keep passwords entered in the UI. */
export const SourcesListOutput = z.object({
  sources: z.array(SourceCard),
  vault: z.object({ unlocked: z.boolean(), reason: z.string().nullable() }),
})
export type SourcesListOutput = z.infer<typeof SourcesListOutput>

/** `sources/test` input: a draft to test before saving, or a saved source's name. */
export const SourcesTestInput = DraftOrName
export type SourcesTestInput = z.infer<typeof SourcesTestInput>

/** What a connection test found. */
export const TestVerdict = z.enum([
  'ok',
  'fdw_missing',
  'host_unreachable',
  'timeout',
  'auth_failed',
  'permission_denied',
  'database_missing',
  'schema_missing',
  'table_missing',
  'file_missing',
  'option_invalid',
  'data_invalid',
  'failed',
])
export type TestVerdict = z.infer<typeof TestVerdict>

/** `sources/test` output. A failed test is an answer (`ok: false`), not an error. */
export const SourceTestResult = z.object({
  ok: z.boolean(),
  verdict: TestVerdict,
  /** The error code `sources/add` would throw for this verdict (`SOURCE_AUTH_FAILED`…), null when ok. */
  code: z.string().nullable(),
  /** What happened, in one sentence. */
  message: z.string(),
  /** What to do about it; null when ok. */
  action: z.string().nullable(),
  /** SQLSTATE, the FDW's own message, hint (secrets masked). */
  detail: z.record(z.string(), z.string()).nullable(),
  /** Wall time of the test, ms. */
  latencyMs: z.number(),
  /** Tables the source offers (remote schema or file), when it was reached. */
  remoteTables: z.number().int().nullable(),
})
export type SourceTestResult = z.infer<typeof SourceTestResult>

/** `sources/remote-tables` input. */
export const RemoteTablesInput = DraftOrName
export type RemoteTablesInput = z.infer<typeof RemoteTablesInput>

const ColumnInfo = z.object({ name: z.string(), type: z.string(), nullable: z.boolean() })

/** `sources/remote-tables` output: the table picker's list, with column types as the hub will see them. */
export const RemoteTablesOutput = z.object({
  remoteSchema: z.string().nullable(),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(ColumnInfo),
      /** The saved source already imports this table. */
      imported: z.boolean(),
    }),
  ),
})
export type RemoteTablesOutput = z.infer<typeof RemoteTablesOutput>

/** `sources/add` input. */
export const SourcesAddInput = z.object({ source: SourceDraft }).strict()
export type SourcesAddInput = z.infer<typeof SourcesAddInput>

/** `sources/add` output: the new card, the tables people can query, the DDL run (secrets as `***`). */
export const SourcesAddOutput = z.object({
  source: SourceCard,
  tables: z.array(z.string()),
  statements: z.array(z.string()),
})
export type SourcesAddOutput = z.infer<typeof SourcesAddOutput>

/** `sources/refresh` input; `rebuild` also drops and recreates the foreign server (force refresh). */
export const SourcesRefreshInput = z.object({ name: SourceName, rebuild: z.boolean().optional() }).strict()
export type SourcesRefreshInput = z.infer<typeof SourcesRefreshInput>

const ColumnRef = z.object({ table: z.string(), column: z.string(), type: z.string() })

/** What a refresh changed in the hub's tables. */
export const SourceChanges = z.object({
  unchanged: z.boolean(),
  tablesAdded: z.array(z.string()),
  tablesRemoved: z.array(z.string()),
  columnsAdded: z.array(ColumnRef),
  columnsRemoved: z.array(ColumnRef),
  columnsRetyped: z.array(z.object({ table: z.string(), column: z.string(), from: z.string(), to: z.string() })),
})
export type SourceChanges = z.infer<typeof SourceChanges>

/** `sources/refresh` output. `ms`: wall time. */
export const SourcesRefreshOutput = z.object({
  source: SourceCard,
  changes: SourceChanges,
  statements: z.array(z.string()),
  ms: z.number(),
})
export type SourcesRefreshOutput = z.infer<typeof SourcesRefreshOutput>

/** `sources/remove` input. */
export const SourcesRemoveInput = z.object({ name: SourceName }).strict()
export type SourcesRemoveInput = z.infer<typeof SourcesRemoveInput>

/** `sources/remove` output: the hub DDL run (the remote is never touched). */
export const SourcesRemoveOutput = z.object({ name: z.string(), statements: z.array(z.string()) })
export type SourcesRemoveOutput = z.infer<typeof SourcesRemoveOutput>
