import path from 'node:path'
import type { SourceConfig } from './source-config.js'
import { sqlName } from './sql-names.js'
import type { UriParts } from './uri-parts.js'

/** GDAL drivers by file extension (or `format=` value), and the setting that forces a header row. */
const OGR_FORMATS: Record<string, { driver: string; headerSetting?: string }> = {
  xlsx: { driver: 'XLSX', headerSetting: 'OGR_XLSX_HEADERS' },
  xls: { driver: 'XLS' },
  ods: { driver: 'ODS', headerSetting: 'OGR_ODS_HEADERS' },
  geojson: { driver: 'GeoJSON' },
  sqlite: { driver: 'SQLite' },
  gpkg: { driver: 'GPKG' },
  shp: { driver: 'ESRI Shapefile' },
  kml: { driver: 'KML' },
  gml: { driver: 'GML' },
  fgb: { driver: 'FlatGeobuf' },
  csv: { driver: 'CSV' },
}

/** Text formats read by file_fdw, with the COPY format and delimiter they mean. */
const TEXT_FORMATS: Record<string, { format: string; delimiter?: string }> = {
  csv: { format: 'csv' },
  tsv: { format: 'csv', delimiter: '\t' },
  tab: { format: 'csv', delimiter: '\t' },
  txt: { format: 'text' },
  text: { format: 'text' },
}

/** `delimiter=tab` and `delimiter=\t` both mean a tab. */
function delimiter(value: string): string {
  return value === 'tab' || value === '\\t' ? '\t' : value
}

function ogrSource(
  name: string,
  filePath: string,
  driver: string | undefined,
  params: Map<string, string>,
): SourceConfig {
  const known = Object.values(OGR_FORMATS).find((f) => f.driver === driver)
  const serverOptions: Record<string, string> = { datasource: filePath, ...(driver ? { format: driver } : {}) }
  const importOptions: Record<string, string> = {}
  let limitTo: string[] | undefined
  for (const [key, value] of params) {
    if (key === 'tables' || key === 'layer' || key === 'layers') limitTo = value.split(',').map((v) => v.trim())
    else if (key === 'header' && known?.headerSetting)
      serverOptions.config_options = `${known.headerSetting}=${value === 'true' ? 'FORCE' : value === 'false' ? 'DISABLE' : 'AUTO'}`
    else if (key === 'encoding') serverOptions.character_encoding = value
    else if (key.startsWith('launder_') || key.startsWith('import_')) importOptions[key] = value
    else if (key !== 'format' && key !== 'fdw' && key !== 'header') serverOptions[key] = value
  }
  return {
    name,
    extension: 'ogr_fdw',
    serverOptions,
    userMappingOptions: null,
    importSchema: {
      remoteSchema: 'ogr_all',
      ...(limitTo ? { limitTo } : {}),
      ...(Object.keys(importOptions).length > 0 ? { options: importOptions } : {}),
    },
    tables: null,
    cache: null,
    tags: [],
  }
}

/**
 * A `file:` URI as a source: CSV/TSV/text through file_fdw (one table named after the file or `table=`,
 * columns inferred from the file at apply), anything GDAL reads through ogr_fdw (`fdw=ogr_fdw` forces it).
 * The format comes from `format=` or the file extension.
 * @throws Error when the format is unknown.
 */
export function file(name: string, parts: UriParts): SourceConfig {
  const params = new Map(parts.params)
  const ext = path.extname(parts.path).slice(1).toLowerCase()
  const format = (params.get('format') ?? ext).toLowerCase()
  const text = TEXT_FORMATS[format]
  if (params.get('fdw') === 'ogr_fdw' || (!text && (OGR_FORMATS[format] || params.has('fdw')))) {
    return ogrSource(name, parts.path, OGR_FORMATS[format]?.driver ?? params.get('format'), params)
  }
  if (!text)
    throw new Error(
      `unknown file format "${format || '(none)'}": give format=csv, tsv or text (file_fdw), or a file GDAL reads (xlsx, ods, geojson, sqlite, gpkg, shp)`,
    )
  const options: Record<string, string> = { filename: parts.path, format: text.format }
  if (text.delimiter) options.delimiter = text.delimiter
  for (const [key, value] of params) {
    if (key === 'format' || key === 'table' || key === 'fdw') continue
    options[key] = key === 'delimiter' ? delimiter(value) : value
  }
  const table = params.get('table') ?? sqlName(path.basename(parts.path, path.extname(parts.path)), 'data')
  return {
    name,
    extension: 'file_fdw',
    serverOptions: {},
    userMappingOptions: null,
    importSchema: null,
    tables: [{ name: table, options, columns: [], inferColumns: true }],
    cache: null,
    tags: [],
  }
}
