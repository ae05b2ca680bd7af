import type { PoolClient } from 'pg'
import type { ExistingSourceState } from './ddl-plan.js'
import { fdwAdapter } from './fdw-adapters.js'
import { withoutSecrets } from './secret-options.js'
import type { SourceConfig } from './source-config.js'
import { configHash, effectiveServerOptions, tablesHash } from './source-hash.js'

/** What the hub has for one source, plus the config hash recorded at its last apply. */
export interface RecordedSource {
  state: ExistingSourceState | null
  configHash: string | null
}

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
  `COMMENT ON TABLE idw.sources IS 'Sources applied by the engine: one row per foreign server; options without secrets'`,
]

/** Creates schema `idw` and table `idw.sources` when missing (no statement runs when they exist). */
export async function ensureMetadata(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>(`SELECT to_regclass('idw.sources') IS NOT NULL AS ok`)
  if (rows[0]?.ok) return
  await client.query('BEGIN')
  try {
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
  }>(
    `SELECT n.name, w.fdwname AS fdw, fs.srvoptions, um.umid IS NOT NULL AS has_mapping, um.umoptions,
            s.tables_hash, s.config_hash, s.name IS NOT NULL AS recorded,
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
      return [r.name, { state, configHash: r.config_hash }]
    }),
  )
}

/** Names recorded in `idw.sources`. */
export async function readRecordedNames(client: PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>('SELECT name FROM idw.sources ORDER BY name')
  return rows.map((r) => r.name)
}

/** Upserts the row of `source` in `idw.sources` (secrets left out). */
export async function recordSource(client: PoolClient, source: SourceConfig): Promise<void> {
  const tablesSpec = { importSchema: source.importSchema, tables: source.tables }
  await client.query(
    `INSERT INTO idw.sources (name, fdw, server, location, server_options, tables_spec, tables_hash, config_hash, cache, tags, applied_at)
     VALUES ($1, $2, $1, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (name) DO UPDATE SET fdw = EXCLUDED.fdw, server = EXCLUDED.server, location = EXCLUDED.location,
       server_options = EXCLUDED.server_options, tables_spec = EXCLUDED.tables_spec, tables_hash = EXCLUDED.tables_hash,
       config_hash = EXCLUDED.config_hash, cache = EXCLUDED.cache, tags = EXCLUDED.tags, applied_at = now()`,
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
    ],
  )
}

/** Removes the row of `name` from `idw.sources`. */
export async function forgetSource(client: PoolClient, name: string): Promise<void> {
  await client.query('DELETE FROM idw.sources WHERE name = $1', [name])
}
