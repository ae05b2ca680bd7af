import type { ScalarCast } from './filter-nodes.js'

/** How the query builder treats a column type: which operators apply and which values it accepts. */
export type ColumnFamily =
  | 'integer'
  | 'numeric'
  | 'float'
  | 'text'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'timestamptz'
  | 'time'
  | 'timetz'
  | 'interval'
  | 'uuid'
  | 'json'
  | 'bytea'
  | 'array'
  | 'other'

/**
 * A catalog column type as the query builder sees it. `cast` is the base type written on array parameters
 * (`= ANY($1::int4[])`), without typmod so `numeric(10,2)` or `varchar(5)` lists are never rounded or cut;
 * null for types outside the fixed list (enums, domains, extension types), where PostgreSQL infers the
 * parameter type from the column instead.
 */
export interface ColumnType {
  readonly family: ColumnFamily
  readonly cast: ScalarCast | null
  /** Inclusive range of an integer type; null otherwise. */
  readonly range: readonly [bigint, bigint] | null
}

const known = (family: ColumnFamily, cast: ScalarCast | null, range: ColumnType['range'] = null): ColumnType =>
  Object.freeze({ family, cast, range })

const INT2 = known('integer', 'int2', [-32768n, 32767n])
const INT4 = known('integer', 'int4', [-2147483648n, 2147483647n])
const INT8 = known('integer', 'int8', [-9223372036854775808n, 9223372036854775807n])
const NUMERIC = known('numeric', 'numeric')
const FLOAT4 = known('float', 'float4')
const FLOAT8 = known('float', 'float8')
const TEXT = known('text', 'text')
const BPCHAR = known('text', 'bpchar')
const BOOL = known('boolean', 'bool')
const TIMESTAMP = known('timestamp', 'timestamp')
const TIMESTAMPTZ = known('timestamptz', 'timestamptz')
const TIME = known('time', 'time')
const TIMETZ = known('timetz', 'timetz')
const INTERVAL = known('interval', 'interval')
const JSON_TYPE = known('json', null)
const OTHER = known('other', null)

/** `format_type` names (typmods removed) and their common aliases. */
const TYPES: ReadonlyMap<string, ColumnType> = new Map([
  ['smallint', INT2],
  ['int2', INT2],
  ['integer', INT4],
  ['int', INT4],
  ['int4', INT4],
  ['bigint', INT8],
  ['int8', INT8],
  ['numeric', NUMERIC],
  ['decimal', NUMERIC],
  ['real', FLOAT4],
  ['float4', FLOAT4],
  ['double precision', FLOAT8],
  ['float8', FLOAT8],
  ['text', TEXT],
  ['character varying', TEXT],
  ['varchar', TEXT],
  ['character', BPCHAR],
  ['char', BPCHAR],
  ['bpchar', BPCHAR],
  ['name', known('text', 'name')],
  ['citext', known('text', null)],
  ['boolean', BOOL],
  ['bool', BOOL],
  ['date', known('date', 'date')],
  ['timestamp without time zone', TIMESTAMP],
  ['timestamp', TIMESTAMP],
  ['timestamp with time zone', TIMESTAMPTZ],
  ['timestamptz', TIMESTAMPTZ],
  ['time without time zone', TIME],
  ['time', TIME],
  ['time with time zone', TIMETZ],
  ['timetz', TIMETZ],
  ['interval', INTERVAL],
  ['uuid', known('uuid', 'uuid')],
  ['json', JSON_TYPE],
  ['jsonb', JSON_TYPE],
  ['bytea', known('bytea', null)],
])

/**
 * Classifies a PostgreSQL type as `format_type` prints it (`integer`, `numeric(10,2)`,
 * `timestamp(3) with time zone`, `character varying(20)`, `text[]`, `"MyEnum"`). Unknown names, quoted or
 * schema-qualified ones included, are family `other`: compared as text input, never cast.
 */
export function classifyColumnType(formatType: string): ColumnType {
  const normalized = formatType
    .toLowerCase()
    .replace(/\(\s*\d+\s*(,\s*-?\d+\s*)?\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (normalized.endsWith('[]')) return known('array', null)
  if (/^interval( |$)/.test(normalized)) return INTERVAL
  return TYPES.get(normalized) ?? OTHER
}
