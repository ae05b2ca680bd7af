import type { FdwOption } from '../../api/contract/sources.js'
import { hostLocation, type FdwAdapter } from './adapter.js'
import { fileFdw } from './file-fdw.js'
import { mysqlFdw } from './mysql-fdw.js'
import { ogrFdw } from './ogr-fdw.js'
import { postgresFdw } from './postgres-fdw.js'
import { tdsFdw } from './tds-fdw.js'

export type { FdwAdapter, Pushdown } from './adapter.js'

/** The adapters the engine ships, in the order the UI lists them. */
export const FDW_ADAPTERS: readonly FdwAdapter[] = [postgresFdw, mysqlFdw, fileFdw, ogrFdw, tdsFdw]

const BY_NAME = new Map(FDW_ADAPTERS.map((a) => [a.extension, a]))

/**
 * The adapter of `extension`; an FDW the engine has no adapter for gets a neutral one (Debian package
 * `postgresql-<major>-<name with dashes>`, no defaults, no option catalog, import allowed, no ANALYZE).
 */
export function fdwAdapter(extension: string): FdwAdapter {
  return (
    BY_NAME.get(extension) ?? {
      extension,
      label: extension,
      description: `A source read through ${extension}.`,
      debianPackage: (major) => `postgresql-${major}-${extension.replaceAll('_', '-')}`,
      readOnlyServerOptions: {},
      defaultServerOptions: {},
      readOnly: 'queries run in READ ONLY transactions',
      importOptions: {},
      supportsImport: true,
      analyze: false,
      explainShowsRemoteSql: true,
      pushdown: { filters: false, sorts: false, limits: false, joins: false, aggregates: false },
      uriSchemes: [],
      options: [],
      versionQuery: null,
      describeLocation: (source) => hostLocation(source),
    }
  )
}

/** Compares dotted versions numerically (`2.10.0` > `2.9.1`); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0)
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * The options of `adapter` that exist on a hub of PostgreSQL `pgMajor` with FDW release `fdwVersion` (null =
 * unknown: options with `fdwSince` are kept, the hub's validator has the last word).
 */
export function optionsFor(adapter: FdwAdapter, pgMajor: number, fdwVersion: string | null): FdwOption[] {
  return adapter.options.filter(
    (o) =>
      (o.since === undefined || pgMajor >= o.since) &&
      (o.fdwSince === undefined || fdwVersion === null || compareVersions(fdwVersion, o.fdwSince) >= 0),
  )
}
