/** Test support: a real `sources/types` answer of a PostgreSQL 15 hub (mysql_fdw 2.8.0), options trimmed. */
import type { FdwOption, SourceType, SourceTypesOutput } from '@idw/engine/api'

function option(
  name: string,
  scope: FdwOption['scope'],
  type: FdwOption['type'],
  fields: Partial<FdwOption> = {},
): FdwOption {
  return {
    name,
    scope,
    type,
    default: null,
    engineDefault: null,
    description: `${name} option`,
    required: false,
    secret: false,
    ...fields,
  }
}

/** `sources/types` as a PostgreSQL 15 hub answers it (tests only). */
export const SOURCE_TYPES: SourceTypesOutput = {
  hub: { version: '15.20 (Debian 15.20-0+deb12u1)', major: 15 },
  types: [
    {
      extension: 'postgres_fdw',
      label: 'PostgreSQL',
      description: 'A PostgreSQL database (any version the hub can reach), through postgres_fdw.',
      available: true,
      installedVersion: '1.1',
      availableVersion: '1.1',
      fdwVersion: null,
      package: 'postgresql-15',
      install: null,
      supportsImport: true,
      explainShowsRemoteSql: true,
      pushdown: { filters: true, sorts: true, limits: true, joins: true, aggregates: true },
      uriSchemes: ['postgresql', 'postgres'],
      readOnly: "server created with updatable 'false'; queries run in READ ONLY transactions",
      formats: [],
      options: [
        option('host', 'server', 'string', {
          required: true,
          description: 'Host name or IP address of the PostgreSQL server.',
        }),
        option('port', 'server', 'integer', { default: '5432' }),
        option('dbname', 'server', 'string', { required: true }),
        option('fetch_size', 'server', 'integer', {
          default: '100',
          engineDefault: '10000',
          description:
            'Rows fetched per round trip. Large scans are much faster with more: the demo reads 3M rows in 2.6 s with 10000 and 3.8 s with 100. The engine sets 10000.',
        }),
        option('updatable', 'server', 'boolean', { default: 'true', engineDefault: 'false' }),
        option('sslmode', 'server', 'enum', {
          default: 'prefer',
          values: ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'],
        }),
        option('user', 'user_mapping', 'string', { required: true }),
        option('password', 'user_mapping', 'string', {
          secret: true,
          description: 'Remote password; kept in the vault and the user mapping only.',
        }),
        option('fetch_size', 'table', 'integer', {
          default: "the server's",
          description: 'Rows per round trip for this table.',
        }),
        option('import_not_null', 'import', 'boolean', { default: 'true' }),
      ],
    },
    {
      extension: 'mysql_fdw',
      label: 'MySQL / MariaDB',
      description: 'A MySQL or MariaDB database, through mysql_fdw.',
      available: true,
      installedVersion: null,
      availableVersion: '1.1',
      fdwVersion: '2.8.0',
      package: 'postgresql-15-mysql-fdw',
      install: null,
      supportsImport: true,
      explainShowsRemoteSql: true,
      pushdown: { filters: true, sorts: true, limits: true, joins: true, aggregates: true },
      uriSchemes: ['mysql', 'mariadb'],
      readOnly:
        'mysql_fdw has no read-only server option: queries run in READ ONLY transactions, which refuse INSERT, UPDATE and DELETE on foreign tables; give the remote user SELECT grants only',
      formats: [],
      options: [
        option('host', 'server', 'string', {
          default: '127.0.0.1',
          required: true,
          description: 'Host name or IP address of the MySQL or MariaDB server.',
        }),
        option('port', 'server', 'integer', { default: '3306' }),
        option('fetch_size', 'server', 'integer', {
          default: '100',
          engineDefault: '10000',
          description: 'Rows fetched per round trip; more is faster for large scans. The engine sets 10000.',
        }),
        option('sql_mode', 'server', 'string', {
          default: 'ANSI_QUOTES',
          description:
            'sql_mode of the remote session. Keep ANSI_QUOTES in it: mysql_fdw quotes identifiers with double quotes.',
        }),
        option('character_set', 'server', 'string', { default: 'auto' }),
        option('use_remote_estimate', 'server', 'boolean', { default: 'false' }),
        option('reconnect', 'server', 'boolean', { default: 'false' }),
        option('secure_auth', 'server', 'boolean', { default: 'true' }),
        option('init_command', 'server', 'string'),
        option('ssl_ca', 'server', 'path'),
        option('ssl_capath', 'server', 'path'),
        option('ssl_cert', 'server', 'path'),
        option('ssl_key', 'server', 'path'),
        option('ssl_cipher', 'server', 'string'),
        option('username', 'user_mapping', 'string', { required: true }),
        option('password', 'user_mapping', 'string', {
          secret: true,
          description: 'Remote password; kept in the vault and the user mapping only.',
        }),
        option('dbname', 'table', 'string', { default: 'the local schema name' }),
        option('table_name', 'table', 'string', { default: 'the local table name' }),
        option('max_blob_size', 'table', 'integer'),
        option('fetch_size', 'table', 'integer', {
          default: "the server's",
          description: 'Rows per round trip for this table.',
        }),
        option('import_enum_as_text', 'import', 'boolean', {
          default: 'false',
          engineDefault: 'true',
          description:
            'Import ENUM columns as text (otherwise the import asks for a matching PostgreSQL enum type to exist). The engine sets true.',
        }),
        option('import_not_null', 'import', 'boolean', { default: 'true' }),
        option('import_default', 'import', 'boolean', { default: 'false' }),
      ],
    },
    {
      extension: 'file_fdw',
      label: 'CSV / TSV file',
      description:
        "A CSV or TSV file on the hub's machine, through file_fdw; columns are inferred from the first rows.",
      available: true,
      installedVersion: '1.0',
      availableVersion: '1.0',
      fdwVersion: null,
      package: 'postgresql-15',
      install: null,
      supportsImport: false,
      explainShowsRemoteSql: false,
      pushdown: { filters: false, sorts: false, limits: false, joins: false, aggregates: false },
      uriSchemes: ['file'],
      readOnly: 'file_fdw only reads',
      formats: [],
      options: [
        option('filename', 'table', 'path', {
          required: true,
          description: "Path of the file on the hub's machine, readable by the OS user the hub's PostgreSQL runs as.",
        }),
        option('format', 'table', 'enum', { default: 'text', values: ['csv', 'text', 'binary'] }),
        option('header', 'table', 'boolean', { default: 'false' }),
        option('delimiter', 'table', 'string', { default: ', (csv) or tab (text)' }),
        option('quote', 'table', 'string', { default: '"' }),
        option('escape', 'table', 'string', { default: 'the quote character' }),
        option('null', 'table', 'string', { default: "'' (csv) or \\N (text)" }),
        option('encoding', 'table', 'string', { default: 'the hub database encoding' }),
        option('program', 'table', 'string'),
        option('force_not_null', 'column', 'boolean', { default: 'false' }),
        option('force_null', 'column', 'boolean', { default: 'false' }),
      ],
    },
    {
      extension: 'tds_fdw',
      label: 'SQL Server',
      description: 'A Microsoft SQL Server (or Sybase) database, through tds_fdw.',
      available: false,
      installedVersion: null,
      availableVersion: null,
      fdwVersion: null,
      package: 'postgresql-15-tds-fdw',
      install:
        "This hub cannot install tds_fdw: install the postgresql-15-tds-fdw package on the hub's server (Debian/Ubuntu: apt-get install postgresql-15-tds-fdw), then reload.",
      supportsImport: true,
      explainShowsRemoteSql: true,
      pushdown: { filters: true, sorts: false, limits: false, joins: false, aggregates: false },
      uriSchemes: ['sqlserver', 'mssql'],
      readOnly: 'tds_fdw cannot write; queries run in READ ONLY transactions',
      formats: [],
      options: [
        option('servername', 'server', 'string', { default: '127.0.0.1', required: true }),
        option('database', 'server', 'string', { required: true }),
        option('username', 'user_mapping', 'string', { required: true }),
        option('password', 'user_mapping', 'string', {
          secret: true,
          description: 'Password; kept in the vault and the user mapping only.',
        }),
      ],
    },
  ],
}

/** The fixture's type of `extension`. */
export function sourceType(extension: string): SourceType {
  const type = SOURCE_TYPES.types.find((t) => t.extension === extension)
  if (type === undefined) throw new Error(`no fixture type ${extension}`)
  return type
}
