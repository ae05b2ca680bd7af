import type { SourceConfig } from './source-config.js'

/** What the engine knows about one FDW: packaging, read-only defaults, import support, display location. */
export interface FdwAdapter {
  extension: string
  /** Debian package that provides the extension for a PostgreSQL `major` (what to install when missing). */
  debianPackage(major: number): string
  /**
   * Server options added unless the config sets them: the hub only reads, so servers are created read-only
   * where the FDW has such an option (postgres_fdw `updatable`, ogr_fdw `updateable`; mysql_fdw, file_fdw and
   * tds_fdw reject or lack one).
   */
  readOnlyServerOptions: Readonly<Record<string, string>>
  /** Options added to `IMPORT FOREIGN SCHEMA` unless the config sets them. */
  importOptions: Readonly<Record<string, string>>
  supportsImport: boolean
  /** Host or file shown in the catalog; never credentials. */
  describeLocation(source: SourceConfig): string | null
}

function hostLocation(source: SourceConfig): string | null {
  const { host, port, dbname } = source.serverOptions
  if (host === undefined) return null
  return `${host}${port ? `:${port}` : ''}${dbname ? `/${dbname}` : ''}`
}

const contrib = (major: number): string => `postgresql-${major}`

const ADAPTERS: Record<string, FdwAdapter> = {
  postgres_fdw: {
    extension: 'postgres_fdw',
    debianPackage: contrib,
    readOnlyServerOptions: { updatable: 'false' },
    importOptions: {},
    supportsImport: true,
    describeLocation: hostLocation,
  },
  file_fdw: {
    extension: 'file_fdw',
    debianPackage: contrib,
    readOnlyServerOptions: {},
    importOptions: {},
    supportsImport: false,
    describeLocation: (source) => {
      const files = (source.tables ?? [])
        .map((t) => t.options.filename ?? t.options.program)
        .filter((f) => f !== undefined)
      return files.length === 0 ? null : files.join(', ')
    },
  },
  mysql_fdw: {
    extension: 'mysql_fdw',
    debianPackage: (major) => `postgresql-${major}-mysql-fdw`,
    readOnlyServerOptions: {},
    importOptions: { import_enum_as_text: 'true' },
    supportsImport: true,
    describeLocation: (source) => {
      const host = hostLocation(source)
      return host && source.importSchema ? `${host}/${source.importSchema.remoteSchema}` : host
    },
  },
  ogr_fdw: {
    extension: 'ogr_fdw',
    debianPackage: (major) => `postgresql-${major}-ogr-fdw`,
    readOnlyServerOptions: { updateable: 'false' },
    importOptions: {},
    supportsImport: true,
    describeLocation: (source) => source.serverOptions.datasource ?? null,
  },
  tds_fdw: {
    extension: 'tds_fdw',
    debianPackage: (major) => `postgresql-${major}-tds-fdw`,
    readOnlyServerOptions: {},
    importOptions: {},
    supportsImport: true,
    describeLocation: (source) => {
      const { servername, port, database } = source.serverOptions
      return servername ? `${servername}${port ? `:${port}` : ''}${database ? `/${database}` : ''}` : null
    },
  },
}

/**
 * The adapter of `extension`; an FDW the engine has no adapter for gets a neutral one (Debian package
 * `postgresql-<major>-<name with dashes>`, no defaults, import allowed).
 */
export function fdwAdapter(extension: string): FdwAdapter {
  return (
    ADAPTERS[extension] ?? {
      extension,
      debianPackage: (major) => `postgresql-${major}-${extension.replaceAll('_', '-')}`,
      readOnlyServerOptions: {},
      importOptions: {},
      supportsImport: true,
      describeLocation: hostLocation,
    }
  )
}
