import { option, type FdwAdapter } from './adapter.js'

/** tds_fdw options (https://github.com/tds-fdw/tds_fdw: ForeignServerCreation.md, ForeignTableCreation.md). */
const OPTIONS = [
  option('servername', 'server', 'string', '127.0.0.1', 'Host name, address or freetds.conf name of SQL Server.', {
    required: true,
  }),
  option('port', 'server', 'integer', '1433', 'TCP port of SQL Server.'),
  option('database', 'server', 'string', null, 'Database to connect to.', { required: true }),
  option('tds_version', 'server', 'string', null, 'TDS protocol version, e.g. 7.4 for SQL Server 2012 and later.'),
  option(
    'row_estimate_method',
    'server',
    'enum',
    'execute',
    'How row estimates are read: execute runs the query on the remote to count rows; showplan_all asks SQL Server for its estimate (cheaper).',
    { values: ['execute', 'showplan_all'] },
  ),
  option('use_remote_estimate', 'server', 'boolean', 'true', 'Ask the remote for row estimates while planning.'),
  option('msg_handler', 'server', 'enum', 'blackhole', 'notice turns SQL Server messages into PostgreSQL notices.', {
    values: ['blackhole', 'notice'],
  }),
  option(
    'sqlserver_ansi_mode',
    'server',
    'boolean',
    'false',
    'Turn on the ANSI settings (ANSI_NULLS, QUOTED_IDENTIFIER…) after connecting.',
  ),
  option('character_set', 'server', 'string', null, 'Client character set (ignored from TDS 7.0: always UCS-2).'),
  option('language', 'server', 'string', null, 'Language of messages and date formats.'),
  option('username', 'user_mapping', 'string', null, 'SQL Server login; give it read-only grants.', { required: true }),
  option('password', 'user_mapping', 'string', null, 'Password; kept in the vault and the user mapping only.', {
    secret: true,
  }),
  option('schema_name', 'table', 'string', null, 'Remote schema of the table, e.g. dbo.'),
  option('table_name', 'table', 'string', null, 'Remote table name.'),
  option('query', 'table', 'string', null, 'A SELECT run on the remote instead of a table.'),
  option('column_name', 'column', 'string', 'the local column name', 'Remote column name.'),
  option('import_not_null', 'import', 'boolean', 'true', 'Import NOT NULL constraints.'),
  option('import_default', 'import', 'boolean', 'false', 'Import column DEFAULT expressions.'),
]

/** tds_fdw: SQL Server and Sybase through FreeTDS; pushes WHERE clauses as `Remote query`. */
export const tdsFdw: FdwAdapter = {
  extension: 'tds_fdw',
  label: 'SQL Server',
  description: 'A Microsoft SQL Server (or Sybase) database, through tds_fdw.',
  debianPackage: (major) => `postgresql-${major}-tds-fdw`,
  readOnlyServerOptions: {},
  defaultServerOptions: {},
  readOnly: 'tds_fdw cannot write; queries run in READ ONLY transactions',
  importOptions: {},
  supportsImport: true,
  analyze: false,
  explainShowsRemoteSql: true,
  pushdown: { filters: true, sorts: false, limits: false, joins: false, aggregates: false },
  uriSchemes: ['sqlserver', 'mssql'],
  options: OPTIONS,
  versionQuery: null,
  describeLocation: (source) => {
    const { servername, port, database } = source.serverOptions
    return servername ? `${servername}${port ? `:${port}` : ''}${database ? `/${database}` : ''}` : null
  },
}
