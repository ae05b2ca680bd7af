import {
  concat,
  ident,
  join,
  option,
  optionsClause,
  raw,
  statement,
  type DdlStatement,
  type SqlPart,
} from './ddl-statement.js'
import { fdwAdapter } from './fdw/index.js'
import type { SourceConfig } from './source-config.js'
import { effectiveImportOptions, effectiveServerOptions, tablesHash } from './source-hash.js'
import { quoteLiteral } from './sql-quote.js'

/** What the hub has for a source, as far as the plan cares. */
export interface ExistingSourceState {
  /** The foreign server named after the source: its FDW and options; null when it does not exist. */
  server: { fdw: string; options: Readonly<Record<string, string>> } | null
  /** Options of the current user's mapping on that server; null when there is none. */
  userMappingOptions: Readonly<Record<string, string>> | null
  /** `tablesHash` recorded in `idw.sources` by the last apply; null when not recorded. */
  tablesHash: string | null
  rawSchemaExists: boolean
  viewSchemaExists: boolean
}

/** Hidden schema holding a source's foreign tables. */
export function rawSchemaName(source: string): string {
  return `raw_${source}`
}

/** `ADD`/`SET`/`DROP` items turning option set `from` into `to`; empty when equal. */
function optionChanges(from: Readonly<Record<string, string>>, to: Readonly<Record<string, string>>): SqlPart[] {
  const changes: SqlPart[] = []
  for (const [k, v] of Object.entries(to)) {
    if (!(k in from)) changes.push(concat('ADD ', option(k, v)))
    else if (from[k] !== v) changes.push(concat('SET ', option(k, v)))
  }
  for (const k of Object.keys(from)) if (!(k in to)) changes.push(concat('DROP ', ident(k)))
  return changes
}

function dropSchemas(name: string): DdlStatement[] {
  return [
    statement('drop schema', 'DROP SCHEMA IF EXISTS ', ident(name), ' CASCADE'),
    statement('drop schema', 'DROP SCHEMA IF EXISTS ', ident(rawSchemaName(name)), ' CASCADE'),
  ]
}

function createView(name: string, table: string): DdlStatement {
  return statement(
    'create view',
    'CREATE VIEW ',
    ident(name),
    '.',
    ident(table),
    ' AS SELECT * FROM ',
    ident(rawSchemaName(name)),
    '.',
    ident(table),
  )
}

/** One view per foreign table found in the raw schema, for an import whose table names are known only after it ran. */
function createViewsForImported(name: string): DdlStatement {
  const raw_ = rawSchemaName(name)
  return statement(
    'create views',
    'DO $idw$ DECLARE t record; BEGIN FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ',
    `WHERE n.nspname = ${quoteLiteral(raw_)} AND c.relkind = 'f' ORDER BY c.relname LOOP `,
    `EXECUTE format('CREATE VIEW %I.%I AS SELECT * FROM %I.%I', ${quoteLiteral(name)}, t.relname, ${quoteLiteral(raw_)}, t.relname); `,
    'END LOOP; END $idw$',
  )
}

function importTables(source: SourceConfig, spec: NonNullable<SourceConfig['importSchema']>): DdlStatement[] {
  const names = (list: readonly string[]): SqlPart => join(list.map(ident))
  const filter = spec.limitTo
    ? concat(' LIMIT TO (', names(spec.limitTo), ')')
    : spec.except
      ? concat(' EXCEPT (', names(spec.except), ')')
      : raw('')
  return [
    statement(
      'import foreign schema',
      'IMPORT FOREIGN SCHEMA ',
      ident(spec.remoteSchema),
      filter,
      ' FROM SERVER ',
      ident(source.name),
      ' INTO ',
      ident(rawSchemaName(source.name)),
      optionsClause(effectiveImportOptions(source)),
    ),
    ...(fdwAdapter(source.extension).afterImport?.(source, rawSchemaName(source.name)) ?? []),
    statement('create schema', 'CREATE SCHEMA ', ident(source.name)),
    ...(spec.limitTo ? spec.limitTo.map((t) => createView(source.name, t)) : [createViewsForImported(source.name)]),
  ]
}

function createTables(source: SourceConfig): DdlStatement[] {
  const rawSchema = statement('create schema', 'CREATE SCHEMA ', ident(rawSchemaName(source.name)))
  if (source.importSchema) return [rawSchema, ...importTables(source, source.importSchema)]
  const tables = source.tables ?? []
  return [
    rawSchema,
    ...tables.map((t) => {
      const columns = t.columns.map((c) => concat(ident(c.name), ' ', c.type, optionsClause(c.options)))
      return statement(
        'create foreign table',
        'CREATE FOREIGN TABLE ',
        ident(rawSchemaName(source.name)),
        '.',
        ident(t.name),
        ' (',
        join(columns),
        ') SERVER ',
        ident(source.name),
        optionsClause(t.options),
      )
    }),
    statement('create schema', 'CREATE SCHEMA ', ident(source.name)),
    ...tables.map((t) => createView(source.name, t.name)),
  ]
}

function createAll(source: SourceConfig): DdlStatement[] {
  const server = ident(source.name)
  return [
    statement('create extension', 'CREATE EXTENSION IF NOT EXISTS ', ident(source.extension)),
    statement(
      'create server',
      'CREATE SERVER ',
      server,
      ' FOREIGN DATA WRAPPER ',
      ident(source.extension),
      optionsClause(effectiveServerOptions(source)),
    ),
    ...(source.userMappingOptions
      ? [
          statement(
            'create user mapping',
            'CREATE USER MAPPING FOR CURRENT_USER SERVER ',
            server,
            optionsClause(source.userMappingOptions),
          ),
        ]
      : []),
    ...createTables(source),
  ]
}

function userMappingChanges(source: SourceConfig, existing: ExistingSourceState['userMappingOptions']): DdlStatement[] {
  const server = ident(source.name)
  const desired = source.userMappingOptions
  if (desired === null)
    return existing === null
      ? []
      : [statement('drop user mapping', 'DROP USER MAPPING IF EXISTS FOR CURRENT_USER SERVER ', server)]
  if (existing === null)
    return [
      statement('create user mapping', 'CREATE USER MAPPING FOR CURRENT_USER SERVER ', server, optionsClause(desired)),
    ]
  const changes = optionChanges(existing, desired)
  return changes.length === 0
    ? []
    : [
        statement(
          'alter user mapping',
          'ALTER USER MAPPING FOR CURRENT_USER SERVER ',
          server,
          ' OPTIONS (',
          join(changes),
          ')',
        ),
      ]
}

/**
 * Plans the DDL that makes the hub hold `desired`, given what it has (`existing`, null = nothing of it).
 * Pure: the same inputs give the same statements.
 *
 * - Nothing there, a server of another FDW, or `forceRefresh`: drop what exists (view schema, raw schema,
 *   server with CASCADE) and create everything: extension, read-only server, user mapping, `raw_<name>`
 *   schema with the imported or explicit foreign tables, `<name>` schema with one view per table.
 * - Otherwise only the difference: `ALTER SERVER … OPTIONS (ADD|SET|DROP …)`, the user mapping created,
 *   altered or dropped, and both schemas rebuilt when the table spec changed (its hash), a schema is missing,
 *   or `rebuildTables` asks for it (a refresh: the remote tables are imported again).
 * An empty plan means the hub already matches. Secret option values show as `'***'` in `display`.
 */
export function planSourceDdl(
  desired: SourceConfig,
  existing: ExistingSourceState | null,
  options: { forceRefresh?: boolean; rebuildTables?: boolean } = {},
): DdlStatement[] {
  if (existing === null) return createAll(desired)
  if (options.forceRefresh || existing.server === null || existing.server.fdw !== desired.extension) {
    return [...planSourceRemoval(desired.name), ...createAll(desired)]
  }
  const serverChanges = optionChanges(existing.server.options, effectiveServerOptions(desired))
  const tablesChanged =
    options.rebuildTables === true ||
    existing.tablesHash !== tablesHash(desired) ||
    !existing.rawSchemaExists ||
    !existing.viewSchemaExists
  return [
    ...(serverChanges.length === 0
      ? []
      : [statement('alter server', 'ALTER SERVER ', ident(desired.name), ' OPTIONS (', join(serverChanges), ')')]),
    ...userMappingChanges(desired, existing.userMappingOptions),
    ...(tablesChanged ? [...dropSchemas(desired.name), ...createTables(desired)] : []),
  ]
}

/** Plans removing a source from the hub: its view schema, raw schema and foreign server (with its user mappings). */
export function planSourceRemoval(name: string): DdlStatement[] {
  return [...dropSchemas(name), statement('drop server', 'DROP SERVER IF EXISTS ', ident(name), ' CASCADE')]
}
