import { file } from './file-uri.js'
import type { SourceConfig } from './source-config.js'
import { splitUri, type UriParts } from './uri-parts.js'

/** True when a source is written as a URI (`mysql://…`, `postgresql://…`, `file:///…`). */
export function looksLikeUri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
}

/** Comma-separated list parameter (`tables=a,b`). */
function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

/**
 * Sorts the query parameters of a database URI: `schema` (remote schema), `tables`/`limit_to`, `except`,
 * `import_*` (IMPORT FOREIGN SCHEMA options), `user`/`password` (user mapping), anything else a server option
 * (checked by the hub's FDW validator).
 */
function databaseParams(parts: UriParts): {
  schema?: string
  limitTo?: string[]
  except?: string[]
  importOptions: Record<string, string>
  serverOptions: Record<string, string>
  user?: string
  password?: string
} {
  const out: ReturnType<typeof databaseParams> = { importOptions: {}, serverOptions: {} }
  for (const [key, value] of parts.params) {
    if (key === 'schema') out.schema = value
    else if (key === 'tables' || key === 'limit_to') out.limitTo = list(value)
    else if (key === 'except') out.except = list(value)
    else if (key === 'user' || key === 'username') out.user = value
    else if (key === 'password') out.password = value
    else if (key.startsWith('import_')) out.importOptions[key] = value
    else out.serverOptions[key] = value
  }
  return out
}

function importSpec(remoteSchema: string, p: ReturnType<typeof databaseParams>): SourceConfig['importSchema'] {
  return {
    remoteSchema,
    ...(p.limitTo && p.limitTo.length > 0 ? { limitTo: p.limitTo } : {}),
    ...(p.except && p.except.length > 0 ? { except: p.except } : {}),
    ...(Object.keys(p.importOptions).length > 0 ? { options: p.importOptions } : {}),
  }
}

/**
 * Expands a source URI into a source:
 * - `postgres[ql]://user:pass@host[:5432]/db[?schema=public]` → postgres_fdw importing that schema;
 * - `mysql://user:pass@host[:3306]/db` (or `mariadb://`) → mysql_fdw importing database `db`;
 * - `sqlserver://user:pass@host[:1433]/db[?schema=dbo]` (or `mssql://`) → tds_fdw importing that schema;
 * - `file:///path/data.csv?format=csv&header=true&delimiter=;` → file_fdw, one table, columns inferred;
 *   `file:///path/book.xlsx` (ods, geojson, sqlite, gpkg, shp…) → ogr_fdw importing every layer.
 * Query parameters: `schema`, `tables` (comma-separated LIMIT TO), `except`, `import_*` options, and server
 * options (`fetch_size=10000`, `sslmode=require`). User and password are percent-decoded (`p%40ss` = `p@ss`).
 * @throws Error with a message for the config or input error (unsupported scheme, missing database); the
 *   message never holds the URI.
 */
export function parseSourceUri(name: string, uri: string): SourceConfig {
  const parts = splitUri(uri)
  const base = { name, cache: null, tags: [], tables: null }
  if (parts.scheme === 'file') return file(name, parts)
  const p = databaseParams(parts)
  const user = p.user ?? parts.user
  const password = p.password ?? parts.password ?? ''
  const database = parts.path
  if (parts.host === '') throw new Error('the URI names no host (scheme://user@host:port/database)')
  if (database === '') throw new Error('the URI names no database (…/database)')
  switch (parts.scheme) {
    case 'postgres':
    case 'postgresql':
      return {
        ...base,
        extension: 'postgres_fdw',
        serverOptions: { host: parts.host, port: parts.port || '5432', dbname: database, ...p.serverOptions },
        userMappingOptions: { user, ...(password ? { password } : {}) },
        importSchema: importSpec(p.schema ?? 'public', p),
      }
    case 'mysql':
    case 'mariadb':
      return {
        ...base,
        extension: 'mysql_fdw',
        serverOptions: { host: parts.host, port: parts.port || '3306', ...p.serverOptions },
        userMappingOptions: { username: user, password },
        importSchema: importSpec(database, p),
      }
    case 'sqlserver':
    case 'mssql':
      return {
        ...base,
        extension: 'tds_fdw',
        serverOptions: { servername: parts.host, port: parts.port || '1433', database, ...p.serverOptions },
        userMappingOptions: { username: user, password },
        importSchema: importSpec(p.schema ?? 'dbo', p),
      }
    default:
      throw new Error(
        `unsupported URI scheme "${parts.scheme}"; use postgresql://, mysql://, mariadb://, sqlserver:// or file://, or write the source in full`,
      )
  }
}

/** The password a URI holds (percent-decoded), or null; used to keep it out of files and answers. */
export function uriPassword(uri: string): string | null {
  try {
    const parts = splitUri(uri)
    return parts.params.find(([k]) => k === 'password')?.[1] ?? parts.password
  } catch {
    return null
  }
}
