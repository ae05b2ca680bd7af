import type { Pool, PoolClient } from 'pg'
import { EngineError } from '../../api/contract/errors.js'
import type { Vault } from '../../security/index.js'
import type { EnvVars } from '../env-substitution.js'
import type { SecretRefs, SourceOrigin } from '../hub-metadata.js'
import type { SourceConfig } from '../source-config.js'

/** A source saved in the hub, rebuilt as a config, with how it was recorded. */
export interface SavedSource {
  source: SourceConfig
  origin: SourceOrigin
  secretRefs: SecretRefs
  /** The foreign server exists in the hub. */
  hasServer: boolean
}

interface Row {
  fdw: string
  tables_spec: { importSchema: SourceConfig['importSchema']; tables: SourceConfig['tables'] }
  cache: SourceConfig['cache']
  tags: string[]
  origin: SourceOrigin
  secret_refs: SecretRefs
  server_options: Record<string, string>
  user_mapping_options: Record<string, string> | null
  srvoptions: string[] | null
  umoptions: string[] | null
  has_server: boolean
  has_mapping: boolean
}

function optionArray(items: string[] | null): Record<string, string> {
  return Object.fromEntries((items ?? []).map((i) => [i.slice(0, i.indexOf('=')), i.slice(i.indexOf('=') + 1)]))
}

/** Fills the secrets of a recorded option set from their references (vault entries, environment variables). */
function restoreSecrets(
  scope: string,
  options: Record<string, string>,
  refs: SecretRefs,
  vault: Vault,
  env: EnvVars,
): Record<string, string> {
  const out = { ...options }
  for (const [key, ref] of Object.entries(refs)) {
    if (!key.startsWith(`${scope}.`)) continue
    const option = key.slice(scope.length + 1)
    const value = ref.startsWith('vault:') ? vault.get(ref.slice(6)) : env[ref.slice(4)]
    if (value !== undefined) out[option] = value
  }
  return out
}

/**
 * Reads source `name` as the hub has it: the recorded table spec, tags and cache, the server's and user
 * mapping's options from the hub's catalogs (secrets included: the engine is their owner), or — when the hub
 * lost them — the recorded options with secrets from the vault or the environment.
 * @throws EngineError `NOT_FOUND` when no source of that name is recorded; `VAULT_LOCKED` when a needed secret
 *   is in a locked vault.
 */
export async function readSavedSource(
  db: Pool | PoolClient,
  name: string,
  vault: () => Promise<Vault>,
  env: EnvVars,
): Promise<SavedSource> {
  const { rows } = await db
    .query<Row>(
      `SELECT s.fdw, s.tables_spec, s.cache, s.tags, s.origin, s.secret_refs, s.server_options, s.user_mapping_options,
              fs.srvoptions, um.umoptions, fs.oid IS NOT NULL AS has_server, um.umid IS NOT NULL AS has_mapping
         FROM idw.sources s
         LEFT JOIN pg_foreign_server fs ON fs.srvname = s.server
         LEFT JOIN pg_user_mappings um ON um.srvid = fs.oid AND um.usename = current_user
        WHERE s.name = $1`,
      [name],
    )
    .catch((err: { code?: string }) => {
      if (err.code === '42P01') return { rows: [] as Row[] }
      throw err
    })
  const row = rows[0]
  if (!row) throw new EngineError('NOT_FOUND', `no source named "${name}" in the hub`, { source: name })
  const needsRestore = !row.has_server || (!row.has_mapping && row.user_mapping_options !== null)
  const v = needsRestore ? await vault() : null
  const serverOptions = row.has_server
    ? optionArray(row.srvoptions)
    : restoreSecrets('server', row.server_options, row.secret_refs, v as Vault, env)
  const userMappingOptions = row.has_mapping
    ? optionArray(row.umoptions)
    : row.user_mapping_options &&
      restoreSecrets('user_mapping', row.user_mapping_options, row.secret_refs, v as Vault, env)
  return {
    source: {
      name,
      extension: row.fdw,
      serverOptions,
      userMappingOptions,
      importSchema: row.tables_spec.importSchema,
      tables: row.tables_spec.tables,
      cache: row.cache,
      tags: row.tags,
    },
    origin: row.origin,
    secretRefs: row.secret_refs,
    hasServer: row.has_server,
  }
}
