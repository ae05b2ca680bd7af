import type { PoolClient } from 'pg'
import { EngineError } from '../api/contract/errors.js'
import { planSourceDdl, type ExistingSourceState } from './ddl-plan.js'
import type { DdlStatement } from './ddl-statement.js'
import { fdwAdapter } from './fdw/index.js'
import { resolveFileColumns } from './file-columns/resolve-columns.js'
import type { RecordedSource } from './hub-metadata.js'
import { isSecretOption } from './secret-options.js'
import type { SourceConfig } from './source-config.js'
import { configHash, effectiveServerOptions, tablesHash } from './source-hash.js'

/** What a plan does to a source: nothing, create it, change it in place, or drop and recreate it. */
export type PlanAction = 'create' | 'update' | 'rebuild' | 'none'

/** One source's plan against what the hub has. */
export interface PlannedSource {
  /** The source as it will be applied (file columns inferred). */
  source: SourceConfig
  recorded: RecordedSource | undefined
  action: PlanAction
  statements: readonly DdlStatement[]
  /** What differs from the hub, one line each, secrets as `***` (e.g. `server option fetch_size: '100' → '10000'`). */
  changes: readonly string[]
  /** Set when the source cannot be applied (FDW missing, file unreadable…); nothing will run for it. */
  error?: EngineError
}

/** What the planner needs to know about the hub. */
export interface HubFacts {
  /** PostgreSQL major version of the hub. */
  major: number
  /** Extensions the hub can install. */
  available: ReadonlySet<string>
}

/** Reads the hub's major version and which of `extensions` it can install, in one query. */
export async function readHubFacts(client: PoolClient, extensions: readonly string[]): Promise<HubFacts> {
  const { rows } = await client.query<{ name: string | null; major: number }>(
    `SELECT e.name, current_setting('server_version_num')::int / 10000 AS major
       FROM (SELECT 1) one LEFT JOIN pg_available_extensions e ON e.name = ANY($1::text[])`,
    [[...new Set(extensions)]],
  )
  return {
    major: rows[0]?.major ?? 0,
    available: new Set(rows.map((r) => r.name).filter((n): n is string => n !== null)),
  }
}

/** `FDW_NOT_AVAILABLE` for `source`, naming the Debian package of the hub's major version. */
export function fdwMissing(source: SourceConfig, major: number): EngineError {
  const pkg = fdwAdapter(source.extension).debianPackage(major)
  return new EngineError(
    'FDW_NOT_AVAILABLE',
    `source "${source.name}" needs the ${source.extension} extension, which this hub cannot install: install the ` +
      `${pkg} package on the hub's server (Debian/Ubuntu: apt-get install ${pkg}) and try again`,
    { source: source.name, extension: source.extension, package: pkg },
  )
}

function shown(name: string, value: string | undefined): string {
  return value === undefined ? '(unset)' : isSecretOption(name) ? '***' : `'${value}'`
}

function optionLines(
  what: string,
  from: Readonly<Record<string, string>>,
  to: Readonly<Record<string, string>>,
): string[] {
  const names = [...new Set([...Object.keys(to), ...Object.keys(from)])]
  return names
    .filter((k) => from[k] !== to[k])
    .map((k) =>
      isSecretOption(k) && k in from && k in to
        ? `${what} ${k}: changed`
        : `${what} ${k}: ${shown(k, from[k])} → ${shown(k, to[k])}`,
    )
}

/** The human lines of what differs between `desired` and the hub (`existing`), secrets masked. */
export function describeChanges(
  desired: SourceConfig,
  existing: ExistingSourceState | null,
  recordedHash: string | null,
  force: boolean,
): string[] {
  if (existing === null) return ['new source']
  if (force) return ['force refresh: everything is dropped and created again']
  if (existing.server === null) return ['the foreign server is missing from the hub']
  if (existing.server.fdw !== desired.extension)
    return [`the foreign server uses ${existing.server.fdw}, the config ${desired.extension}`]
  const lines = [
    ...optionLines('server option', existing.server.options, effectiveServerOptions(desired)),
    ...(desired.userMappingOptions === null
      ? existing.userMappingOptions === null
        ? []
        : ['user mapping: dropped']
      : existing.userMappingOptions === null
        ? ['user mapping: created']
        : optionLines('user mapping option', existing.userMappingOptions, desired.userMappingOptions)),
  ]
  if (!existing.rawSchemaExists || !existing.viewSchemaExists) lines.push('tables: a schema is missing, rebuilt')
  else if (existing.tablesHash !== tablesHash(desired)) lines.push('tables: definition changed, rebuilt')
  if (lines.length === 0 && recordedHash !== configHash(desired)) lines.push('recorded settings (tags, cache) changed')
  return lines
}

/**
 * Plans one source against what the hub has: infers file columns (through the hub), builds the DDL with
 * `planSourceDdl` (`force`: drop and recreate everything; `rebuildTables`: import the tables again), and names
 * the action and the changes. A source whose FDW the hub cannot install, or whose
 * file cannot be read, gets `error` and no statement.
 */
export async function planSource(
  client: PoolClient,
  source: SourceConfig,
  recorded: RecordedSource | undefined,
  hub: HubFacts,
  force: boolean,
  rebuildTables = false,
): Promise<PlannedSource> {
  const existing = recorded?.state ?? null
  const failed = (error: EngineError): PlannedSource => ({
    source,
    recorded,
    action: existing === null ? 'create' : 'update',
    statements: [],
    changes: [],
    error,
  })
  const needsExtension = existing?.server?.fdw !== source.extension || force
  if (needsExtension && !hub.available.has(source.extension)) return failed(fdwMissing(source, hub.major))
  let resolved: SourceConfig
  try {
    resolved = await resolveFileColumns(client, source)
  } catch (err) {
    if (err instanceof EngineError) return failed(err)
    throw err
  }
  const statements = planSourceDdl(resolved, existing, { forceRefresh: force, rebuildTables })
  const changes = describeChanges(resolved, existing, recorded?.configHash ?? null, force)
  const unchanged = statements.length === 0 && recorded?.configHash === configHash(resolved)
  const action: PlanAction =
    existing === null
      ? 'create'
      : unchanged
        ? 'none'
        : statements.some((s) => s.action === 'drop server')
          ? 'rebuild'
          : 'update'
  return { source: resolved, recorded, action, statements, changes: unchanged ? [] : changes }
}
