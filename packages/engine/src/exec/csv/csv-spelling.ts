import type { ColumnCodec, ValueCodec } from '../type-map.js'

/** The last instant Arrow's int64 microseconds since 1970 hold; later timestamps are null (as `writeUnixMicros`). */
const LAST_INSTANT = `'294247-01-10 04:00:54.775807'::timestamp`

/**
 * The SQL expression that spells one result column as the engine's CSV export does (`CsvEncoder`), so that the
 * hub's `COPY … (FORMAT csv)` writes the same values: integers and numeric as PostgreSQL prints them (numeric(p,s)
 * `NaN`/±Infinity null, as in Decimal128); floats in PostgreSQL's shortest round-trip form (`extra_float_digits`
 * 1); booleans `true`/`false`; dates `YYYY-MM-DD` (`DateStyle` ISO; ±infinity null); timestamps
 * `YYYY-MM-DD HH:MM:SS.ffffff` with always 6 fraction digits, timestamptz in UTC with `+00:00`, ` BC` last,
 * ±infinity and instants past 294 247 AD null; times `HH:MM:SS.ffffff`; bytea `\x` + hex (`bytea_output` hex);
 * text, uuid, json and text-cast types as they are; arrays as compact JSON arrays, flattened row-major (see
 * `listJson`). NULL stays NULL, which COPY writes as an empty unquoted field. `ref` is the column (`q."c1"`).
 */
export function csvColumnSql(codec: ColumnCodec, ref: string): string {
  if (codec.list) return listJson(codec, ref)
  const value = codec.cast === null ? ref : `${ref}::${codec.cast}`
  return scalarText(codec.value, value)
}

/** A scalar value as its CSV text (or as is when COPY's own output already is). */
function scalarText(codec: ValueCodec, v: string): string {
  switch (codec.kind) {
    case 'bool':
      return `CASE WHEN ${v} THEN 'true' WHEN NOT ${v} THEN 'false' END`
    case 'decimal':
      return `CASE WHEN ${v} IN ('NaN', 'Infinity', '-Infinity') THEN NULL ELSE ${v} END`
    case 'date':
      return `CASE WHEN isfinite(${v}) THEN ${v}::text END`
    case 'timestamp':
      return timestampText(v, '')
    case 'timestamptz':
      return timestampText(`(${v} AT TIME ZONE 'UTC')`, '+00:00')
    case 'time':
      return `CASE WHEN length(${v}::text) = 8 THEN ${v}::text || '.000000' ELSE rpad(${v}::text, 15, '0') END`
    default:
      return v
  }
}

/**
 * `YYYY-MM-DD HH:MM:SS.ffffff` + `zone` (+ ` BC`) of a timestamp. Years 1–9999 pad PostgreSQL's own text (which
 * drops a zero fraction) to 6 fraction digits, far cheaper in the hub than `to_char`; other years use `to_char`.
 */
function timestampText(t: string, zone: string): string {
  const suffix = zone === '' ? '' : ` || '${zone}'`
  return (
    `CASE WHEN ${t} >= '0001-01-01' AND ${t} < '10000-01-01' THEN ` +
    `CASE WHEN length(${t}::text) = 19 THEN ${t}::text || '.000000' ELSE rpad(${t}::text, 26, '0') END${suffix} ` +
    `WHEN isfinite(${t}) AND ${t} <= ${LAST_INSTANT} THEN to_char(${t}, 'YYYY-MM-DD HH24:MI:SS.US')${suffix} || ` +
    `CASE WHEN ${t} < '0001-01-01' THEN ' BC' ELSE '' END END`
  )
}

/**
 * An array as the compact JSON array `formatLists` writes: `[1,null,3]`, elements in row-major order (so
 * multi-dimensional arrays come out flat), `[]` for an empty array, NULL for NULL.
 */
function listJson(codec: ColumnCodec, ref: string): string {
  const array = codec.cast === null ? ref : `${ref}::${codec.cast}`
  const item = `COALESCE(${itemJson(codec.value, 'e.v')}, 'null')`
  return (
    `CASE WHEN ${array} IS NOT NULL THEN '[' || COALESCE((SELECT string_agg(${item}, ',' ORDER BY e.n) ` +
    `FROM unnest(${array}) WITH ORDINALITY AS e(v, n)), '') || ']' END`
  )
}

/** One array element as the JSON value `formatColumn` writes in `json` mode; NULL for a null element. */
function itemJson(codec: ValueCodec, v: string): string {
  switch (codec.kind) {
    case 'int2':
    case 'int4':
    case 'int8':
    case 'oid':
    case 'json':
    case 'jsonb':
      return `${v}::text`
    case 'float4':
    case 'float8':
      return `CASE WHEN ${v} IN ('NaN', 'Infinity', '-Infinity') THEN '"' || ${v}::text || '"' ELSE ${v}::text END`
    case 'decimal':
    case 'bool':
      return `${scalarText(codec, v)}::text`
    case 'bytea':
      return `'"\\\\x' || encode(${v}, 'hex') || '"'`
    case 'date':
    case 'timestamp':
    case 'timestamptz':
    case 'time':
      return `'"' || ${scalarText(codec, v)} || '"'`
    case 'numeric-text':
    case 'text':
    case 'uuid':
      return `to_json(${v}::text)::text`
  }
}
