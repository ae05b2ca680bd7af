import { statement, type DdlStatement } from '../ddl-statement.js'
import type { SourceConfig } from '../source-config.js'
import { quoteIdent, quoteLiteral } from '../sql-quote.js'
import { hostLocation, option, type FdwAdapter } from './adapter.js'

/**
 * mysql_fdw options (https://github.com/EnterpriseDB/mysql_fdw, README and option.c). The baseline is release
 * 2.8.0 (Debian 12's package); later additions carry `fdwSince`.
 */
const OPTIONS = [
  option('host', 'server', 'string', '127.0.0.1', 'Host name or IP address of the MySQL or MariaDB server.', {
    required: true,
  }),
  option('port', 'server', 'integer', '3306', 'TCP port of the server.'),
  option(
    'fetch_size',
    'server',
    'integer',
    '100',
    'Rows fetched per round trip; more is faster for large scans. The engine sets 10000.',
    { engineDefault: '10000' },
  ),
  option(
    'sql_mode',
    'server',
    'string',
    'ANSI_QUOTES',
    'sql_mode of the remote session. Keep ANSI_QUOTES in it: mysql_fdw quotes identifiers with double quotes.',
  ),
  option(
    'character_set',
    'server',
    'string',
    'auto',
    'Character set of the connection; auto detects it from the OS, PGDatabaseEncoding uses the hub database encoding (utf8mb4 for UTF-8 text with emoji).',
  ),
  option(
    'use_remote_estimate',
    'server',
    'boolean',
    'false',
    'Ask the remote for row estimates (EXPLAIN) while planning: better join plans, one more round trip.',
  ),
  option('reconnect', 'server', 'boolean', 'false', 'Reconnect automatically when the connection was lost.'),
  option('secure_auth', 'server', 'boolean', 'true', 'Refuse the pre-4.1 password protocol.'),
  option(
    'init_command',
    'server',
    'string',
    null,
    'SQL run by the remote at connection start. The engine never writes to a source: give a read-only statement (e.g. SET SESSION TRANSACTION READ ONLY).',
  ),
  option('ssl_ca', 'server', 'path', null, 'CA certificate file on the hub host (enables TLS).'),
  option('ssl_capath', 'server', 'path', null, 'Folder of CA certificates on the hub host.'),
  option('ssl_cert', 'server', 'path', null, 'Client certificate file on the hub host.'),
  option('ssl_key', 'server', 'path', null, 'Client key file on the hub host.'),
  option('ssl_cipher', 'server', 'string', null, 'Allowed TLS ciphers.'),
  option('username', 'user_mapping', 'string', null, 'Remote user name; give it read-only grants.', { required: true }),
  option('password', 'user_mapping', 'string', null, 'Remote password; kept in the vault and the user mapping only.', {
    secret: true,
  }),
  option('dbname', 'table', 'string', 'the local schema name', 'Remote database of the table.'),
  option('table_name', 'table', 'string', 'the local table name', 'Remote table name.'),
  option('max_blob_size', 'table', 'integer', null, 'Bytes of a BLOB/TEXT value read before truncation.'),
  option('fetch_size', 'table', 'integer', "the server's", 'Rows per round trip for this table.'),
  option(
    'import_enum_as_text',
    'import',
    'boolean',
    'false',
    'Import ENUM columns as text (otherwise the import asks for a matching PostgreSQL enum type to exist). The engine sets true.',
    { engineDefault: 'true' },
  ),
  option('import_not_null', 'import', 'boolean', 'true', 'Import NOT NULL constraints.'),
  option('import_default', 'import', 'boolean', 'false', 'Import column DEFAULT expressions (only used for writes).'),
  option('import_generated', 'import', 'boolean', 'true', 'Import GENERATED column expressions.', {
    fdwSince: '2.9.0',
  }),
]

/**
 * mysql_fdw 2.8 imports DECIMAL(p,s) as bare numeric: read precision and scale from the remote's
 * information_schema.COLUMNS (through a foreign table dropped again in the same block) and set them, so the
 * catalog and exports keep the source's decimal type.
 */
function restoreDecimals(source: SourceConfig, rawSchema: string): DdlStatement[] {
  const database = source.importSchema?.remoteSchema
  if (database === undefined) return []
  const helper = `${quoteIdent(rawSchema)}.${quoteIdent('idw_remote_columns')}`
  return [
    statement(
      'adjust types',
      'DO $idw$ DECLARE r record; BEGIN ',
      `CREATE FOREIGN TABLE ${helper} (table_schema text, table_name text, column_name text, data_type text, numeric_precision bigint, numeric_scale bigint) `,
      `SERVER ${quoteIdent(source.name)} OPTIONS (dbname 'information_schema', table_name 'COLUMNS'); `,
      'FOR r IN SELECT c.relname, a.attname, m.numeric_precision AS p, m.numeric_scale AS s FROM pg_class c ',
      'JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ',
      `JOIN ${helper} m ON m.table_schema = ${quoteLiteral(database)} AND m.table_name = c.relname AND m.column_name = a.attname `,
      `WHERE n.nspname = ${quoteLiteral(rawSchema)} AND c.relkind = 'f' AND c.relname <> 'idw_remote_columns' `,
      `AND a.atttypid = 'numeric'::regtype AND a.atttypmod = -1 AND m.data_type = 'decimal' AND m.numeric_precision BETWEEN 1 AND 1000 LOOP `,
      `EXECUTE format('ALTER FOREIGN TABLE %I.%I ALTER COLUMN %I TYPE numeric(%s,%s)', ${quoteLiteral(rawSchema)}, r.relname, r.attname, r.p, r.s); `,
      `END LOOP; DROP FOREIGN TABLE ${helper}; END $idw$`,
    ),
  ]
}

/** mysql_fdw (EnterpriseDB): MySQL and MariaDB; pushes filters, joins, sorts and limits as `Remote query`. */
export const mysqlFdw: FdwAdapter = {
  extension: 'mysql_fdw',
  label: 'MySQL / MariaDB',
  description: 'A MySQL or MariaDB database, through mysql_fdw.',
  debianPackage: (major) => `postgresql-${major}-mysql-fdw`,
  readOnlyServerOptions: {},
  defaultServerOptions: { fetch_size: '10000' },
  readOnly:
    'mysql_fdw has no read-only server option: queries run in READ ONLY transactions, which refuse INSERT, UPDATE and DELETE on foreign tables; give the remote user SELECT grants only',
  importOptions: { import_enum_as_text: 'true' },
  supportsImport: true,
  analyze: false,
  explainShowsRemoteSql: true,
  pushdown: { filters: true, sorts: true, limits: true, joins: true, aggregates: true },
  uriSchemes: ['mysql', 'mariadb'],
  options: OPTIONS,
  versionQuery: 'SELECT mysql_fdw_version()::text',
  describeLocation: (source) => hostLocation(source, source.importSchema?.remoteSchema),
  afterImport: restoreDecimals,
}
