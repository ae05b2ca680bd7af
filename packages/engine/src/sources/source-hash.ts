import { createHash } from 'node:crypto'
import { fdwAdapter } from './fdw/index.js'
import type { SourceConfig } from './source-config.js'

/** JSON with object keys sorted at every level, so equal values hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function sha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex')
}

/** Server options as created: the config's, plus the adapter's read-only and other defaults it does not set. */
export function effectiveServerOptions(source: SourceConfig): Record<string, string> {
  const adapter = fdwAdapter(source.extension)
  const defaults = { ...adapter.defaultServerOptions, ...adapter.readOnlyServerOptions }
  return {
    ...source.serverOptions,
    ...Object.fromEntries(Object.entries(defaults).filter(([k]) => !(k in source.serverOptions))),
  }
}

/** Options of `IMPORT FOREIGN SCHEMA`: the adapter's defaults overridden by the config's. */
export function effectiveImportOptions(source: SourceConfig): Record<string, string> {
  return { ...fdwAdapter(source.extension).importOptions, ...(source.importSchema?.options ?? {}) }
}

/** Hash of what decides the foreign tables and views (extension, import spec, explicit tables). */
export function tablesHash(source: SourceConfig): string {
  return sha256({
    extension: source.extension,
    importSchema: source.importSchema && { ...source.importSchema, options: effectiveImportOptions(source) },
    tables: source.tables,
  })
}

/**
 * Hash of the whole source as applied, secrets included: a changed password must re-apply the user mapping.
 * Storing it reveals nothing the hub's superuser cannot already read in `pg_user_mappings`.
 */
export function configHash(source: SourceConfig): string {
  return sha256({ ...source, serverOptions: effectiveServerOptions(source), tablesHash: tablesHash(source) })
}
