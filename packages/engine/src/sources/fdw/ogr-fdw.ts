import { NO_PUSHDOWN, option, type FdwAdapter } from './adapter.js'

/** ogr_fdw options (https://github.com/pramsey/pgsql-ogr-fdw, README). */
const OPTIONS = [
  option(
    'datasource',
    'server',
    'path',
    null,
    "File (or GDAL connection string) on the hub's machine: .xlsx, .ods, .geojson, .sqlite, .gpkg, .shp, .csv…",
    { required: true },
  ),
  option(
    'format',
    'server',
    'string',
    'detected',
    'GDAL driver, e.g. XLSX, ODS, GeoJSON, SQLite, GPKG (see the formats list).',
  ),
  option(
    'config_options',
    'server',
    'string',
    null,
    'GDAL settings, space-separated KEY=VALUE, e.g. OGR_XLSX_HEADERS=FORCE (first row holds the column names).',
  ),
  option('open_options', 'server', 'string', null, 'Driver open options, space-separated KEY=VALUE.'),
  option(
    'character_encoding',
    'server',
    'string',
    null,
    'Encoding of the file when the driver cannot tell, e.g. LATIN1.',
  ),
  option('updateable', 'server', 'boolean', 'true', 'Allow writes to the file. The engine sets false.', {
    engineDefault: 'false',
  }),
  option('layer', 'table', 'string', null, 'Layer (sheet, table) of the data source.', { required: true }),
  option('column_name', 'column', 'string', 'the local column name', 'Field name in the layer.'),
  option(
    'launder_table_names',
    'import',
    'boolean',
    'true',
    'Make layer names lower-case SQL names (Sheet 1 → sheet_1).',
  ),
  option('launder_column_names', 'import', 'boolean', 'true', 'Make field names lower-case SQL names.'),
]

/** ogr_fdw (GDAL): spreadsheets, GeoJSON, SQLite and more; EXPLAIN shows no remote query. */
export const ogrFdw: FdwAdapter = {
  extension: 'ogr_fdw',
  label: 'Spreadsheet, GeoJSON, SQLite (GDAL)',
  description:
    "XLSX, ODS, GeoJSON, SQLite, GeoPackage and the other formats GDAL reads, from a file on the hub's machine, through ogr_fdw. One table per sheet or layer.",
  debianPackage: (major) => `postgresql-${major}-ogr-fdw`,
  readOnlyServerOptions: { updateable: 'false' },
  defaultServerOptions: {},
  readOnly: "server created with updateable 'false'",
  importOptions: {},
  supportsImport: true,
  analyze: true,
  explainShowsRemoteSql: false,
  pushdown: { ...NO_PUSHDOWN, filters: true },
  uriSchemes: ['file'],
  options: OPTIONS,
  versionQuery: 'SELECT ogr_fdw_version()',
  describeLocation: (source) => source.serverOptions.datasource ?? null,
}
