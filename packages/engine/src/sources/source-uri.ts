import type { SourceConfig } from './source-config.js'

/** True when a source is written as a URI (`mysql://…`, `postgresql://…`). */
export function looksLikeUri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
}

/**
 * Expands a source URI into a source:
 * - `postgres[ql]://user:pass@host[:5432]/db[?schema=public]` → postgres_fdw importing that schema;
 * - `mysql://user:pass@host[:3306]/db` (or `mariadb://`) → mysql_fdw importing database `db`.
 * User and password are percent-decoded (`p%40ss` = `p@ss`).
 * @throws Error with a message for the config error (unsupported scheme, missing database).
 */
export function parseSourceUri(name: string, uri: string): SourceConfig {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    throw new Error('not a valid URI (scheme://user:password@host:port/database)')
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  const user = decodeURIComponent(url.username)
  const password = decodeURIComponent(url.password)
  const base = { name, cache: null, tags: [], tables: null }
  if (database === '') throw new Error('the URI names no database (…/database)')
  switch (url.protocol) {
    case 'postgres:':
    case 'postgresql:':
      return {
        ...base,
        extension: 'postgres_fdw',
        serverOptions: { host, port: url.port || '5432', dbname: database },
        userMappingOptions: { user, ...(password ? { password } : {}) },
        importSchema: { remoteSchema: url.searchParams.get('schema') ?? 'public' },
      }
    case 'mysql:':
    case 'mariadb:':
      return {
        ...base,
        extension: 'mysql_fdw',
        serverOptions: { host, port: url.port || '3306' },
        userMappingOptions: { username: user, password },
        importSchema: { remoteSchema: database },
      }
    default:
      throw new Error(
        `unsupported URI scheme "${url.protocol.replace(/:$/, '')}"; use postgresql:// or mysql://, or write the source in full`,
      )
  }
}
