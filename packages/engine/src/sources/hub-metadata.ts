import type { PoolClient } from 'pg'
import type { ExistingSourceState } from './ddl-plan.js'
import { fdwAdapter } from './fdw/index.js'
import { withoutSecrets } from './secret-options.js'
import type { SourceConfig } from './source-config.js'
import { configHash, effectiveServerOptions, tablesHash } from './source-hash.js'

/** What the hub has for one source, plus what the last apply recorded. */
export interface RecordedSource {
  state: ExistingSourceState | null
  configHash: string | null
  /** Where the source came from; null when not recorded. */
  origin: SourceOrigin | null
}

/** `config`: a config file (`idw apply`, engine start); `api`: added from the UI or the API. */
export type SourceOrigin = 'config' | 'api'

/**
 * How the secrets of an API source are kept, by `<scope>.<option>` (`user_mapping.password`):
 * `vault:<entry>` (the engine's vault) or `env:<NAME>` (an environment variable). Never a value.
 */
export type SecretRefs = Readonly<Record<string, string>>

const METADATA_DDL = [
  'CREATE SCHEMA IF NOT EXISTS idw',
  `CREATE TABLE IF NOT EXISTS idw.sources (
     name text PRIMARY KEY,
     fdw text NOT NULL,
     server text NOT NULL,
     location text,
     server_options jsonb NOT NULL,
     tables_spec jsonb NOT NULL,
     tables_hash text NOT NULL,
     config_hash text NOT NULL,
     cache jsonb,
     tags text[] NOT NULL DEFAULT '{}',
     applied_at timestamptz NOT NULL DEFAULT now()
   )`,
  `ALTER TABLE idw.sources
     ADD COLUMN IF NOT EXISTS origin text NOT NULL DEFAULT 'config',
     ADD COLUMN IF NOT EXISTS user_mapping_options jsonb,
     ADD COLUMN IF NOT EXISTS secret_refs jsonb NOT NULL DEFAULT '{}',
     ADD COLUMN IF NOT EXISTS refreshed_at timestamptz,
     ADD COLUMN IF NOT EXISTS last_error text`,
  `COMMENT ON TABLE idw.sources IS 'Sources applied by the engine: one row per foreign server; options without secrets'`,
]

/**
 * Creates schema `idw` and table `idw.sources` when missing, and adds the columns of later engine versions to
 * an older table (no statement runs when all are there).
 */
export async function ensureMetadata(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('idw.sources') AND attname = 'last_error') AS ok`,
  )
  if (rows[0]?.ok) return
  await client.query('BEGIN')
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('idw.sources:metadata'))`)
    for (const sql of METADATA_DDL) await client.query(sql)
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK')
    throw err
  }
}

/** `{k=v,…}` (srvoptions, umoptions) as an object; a value may itself contain `=`. */
function optionArray(items: string[] | null): Record<string, string> {
  return Object.fromEntries(
    (items ?? []).map((item) => [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)]),
  )
}

/** Reads, in one query, what the hub has for each of `names`: server, user mapping, schemas, recorded hashes. */
export async function readRecordedSources(
  client: PoolClient,
  names: readonly string[],
): Promise<Map<string, RecordedSource>> {
  const { rows } = await client.query<{
    name: string
    fdw: string | null
    srvoptions: string[] | null
    has_mapping: boolean
    umoptions: string[] | null
    tables_hash: string | null
    config_hash: string | null
    raw_exists: boolean
    view_exists: boolean
    recorded: boolean
    origin: SourceOrigin | null
  }>(
    `SELECT n.name, w.fdwname AS fdw, fs.srvoptions, um.umid IS NOT NULL AS has_mapping, um.umoptions,
            s.tables_hash, s.config_hash, s.name IS NOT NULL AS recorded, s.origin,
            EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'raw_' || n.name) AS raw_exists,
            EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = n.name) AS view_exists
       FROM unnest($1::text[]) AS n(name)
       LEFT JOIN pg_foreign_server fs ON fs.srvname = n.name
       LEFT JOIN pg_foreign_data_wrapper w ON w.oid = fs.srvfdw
       LEFT JOIN pg_user_mappings um ON um.srvid = fs.oid AND um.usename = current_user
       LEFT JOIN idw.sources s ON s.name = n.name`,
    [names],
  )
  return new Map(
    rows.map((r) => {
      const nothing = r.fdw === null && !r.raw_exists && !r.view_exists && !r.recorded
      const state: ExistingSourceState | null = nothing
        ? null
        : {
            server: r.fdw === null ? null : { fdw: r.fdw, options: optionArray(r.srvoptions) },
            userMappingOptions: r.has_mapping ? optionArray(r.umoptions) : null,
            tablesHash: r.tables_hash,
            rawSchemaExists: r.raw_exists,
            viewSchemaExists: r.view_exists,
          }
      return [r.name, { state, configHash: r.config_hash, origin: r.origin }]
    }),
  )
}

/** Names recorded in `idw.sources` (of one origin when given). */
export async function readRecordedNames(client: PoolClient, origin?: SourceOrigin): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT name FROM idw.sources WHERE $1::text IS NULL OR origin = $1 ORDER BY name',
    [origin ?? null],
  )
  return rows.map((r) => r.name)
}

/** How a source is recorded besides its config: origin and secret references (API sources). */
export interface RecordOptions {
  origin: SourceOrigin
  secretRefs?: SecretRefs
}

/** Upserts the row of `source` in `idw.sources` (secrets left out), clearing any refresh error. */
export async function recordSource(client: PoolClient, source: SourceConfig, record: RecordOptions): Promise<void> {
  const tablesSpec = { importSchema: source.importSchema, tables: source.tables }
  await client.query(
    `INSERT INTO idw.sources (name, fdw, server, location, server_options, tables_spec, tables_hash, config_hash, cache,
                              tags, origin, user_mapping_options, secret_refs, applied_at)
     VALUES ($1, $2, $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
     ON CONFLICT (name) DO UPDATE SET fdw = EXCLUDED.fdw, server = EXCLUDED.server, location = EXCLUDED.location,
       server_options = EXCLUDED.server_options, tables_spec = EXCLUDED.tables_spec, tables_hash = EXCLUDED.tables_hash,
       config_hash = EXCLUDED.config_hash, cache = EXCLUDED.cache, tags = EXCLUDED.tags, origin = EXCLUDED.origin,
       user_mapping_options = EXCLUDED.user_mapping_options, secret_refs = EXCLUDED.secret_refs, applied_at = now(),
       last_error = NULL`,
    [
      source.name,
      source.extension,
      fdwAdapter(source.extension).describeLocation(source),
      JSON.stringify(withoutSecrets(effectiveServerOptions(source))),
      JSON.stringify(tablesSpec),
      tablesHash(source),
      configHash(source),
      source.cache === null ? null : JSON.stringify(source.cache),
      source.tags,
      record.origin,
      source.userMappingOptions === null ? null : JSON.stringify(withoutSecrets(source.userMappingOptions)),
      JSON.stringify(record.secretRefs ?? {}),
    ],
  )
}

/** Removes the row of `name` from `idw.sources`. */
export async function forgetSource(client: PoolClient, name: string): Promise<void> {
  await client.query('DELETE FROM idw.sources WHERE name = $1', [name])
}
