import { NO_PUSHDOWN, option, type FdwAdapter } from './adapter.js'

/** file_fdw options (https://www.postgresql.org/docs/current/file-fdw.html): COPY's, per foreign table. */
const OPTIONS = [
  option(
    'filename',
    'table',
    'path',
    null,
    "Path of the file on the hub's machine, readable by the OS user the hub's PostgreSQL runs as.",
    { required: true },
  ),
  option('format', 'table', 'enum', 'text', 'csv for CSV and TSV files; text is COPY text (backslash escapes).', {
    values: ['csv', 'text', 'binary'],
  }),
  option('header', 'table', 'boolean', 'false', 'The first line holds column names (it is skipped).'),
  option('delimiter', 'table', 'string', ', (csv) or tab (text)', 'One character between fields, e.g. ; or a tab.'),
  option('quote', 'table', 'string', '"', 'Quote character of CSV fields.'),
  option('escape', 'table', 'string', 'the quote character', 'Character escaping a quote inside a quoted CSV field.'),
  option('null', 'table', 'string', "'' (csv) or \\N (text)", 'Text read as NULL, e.g. NA.'),
  option(
    'encoding',
    'table',
    'string',
    'the hub database encoding',
    'Encoding of the file, e.g. UTF8, LATIN1, WIN1252.',
  ),
  option('default', 'table', 'string', null, 'Text read as the column default.', { since: 16 }),
  option(
    'on_error',
    'table',
    'enum',
    'stop',
    'ignore skips rows that do not fit the column types instead of failing.',
    {
      since: 17,
      values: ['stop', 'ignore'],
    },
  ),
  option('reject_limit', 'table', 'integer', null, 'With on_error ignore: fail after this many skipped rows.', {
    since: 18,
  }),
  option(
    'program',
    'table',
    'string',
    null,
    'A shell command whose output is read instead of a file (superuser only).',
  ),
  option(
    'force_not_null',
    'column',
    'boolean',
    'false',
    'Never read this column as NULL (an empty field is an empty string).',
  ),
  option('force_null', 'column', 'boolean', 'false', 'Read a quoted empty field of this column as NULL.'),
]

/** file_fdw (PostgreSQL F.15): CSV/TSV files on the hub machine; no pushdown, no IMPORT FOREIGN SCHEMA. */
export const fileFdw: FdwAdapter = {
  extension: 'file_fdw',
  label: 'CSV / TSV file',
  description: "A CSV or TSV file on the hub's machine, through file_fdw; columns are inferred from the first rows.",
  debianPackage: (major) => `postgresql-${major}`,
  readOnlyServerOptions: {},
  defaultServerOptions: {},
  readOnly: 'file_fdw only reads',
  importOptions: {},
  supportsImport: false,
  analyze: true,
  explainShowsRemoteSql: false,
  pushdown: NO_PUSHDOWN,
  uriSchemes: ['file'],
  options: OPTIONS,
  versionQuery: null,
  describeLocation: (source) => {
    const files = (source.tables ?? [])
      .map((t) => t.options.filename ?? t.options.program)
      .filter((f) => f !== undefined)
    return files.length === 0 ? null : files.join(', ')
  },
}
