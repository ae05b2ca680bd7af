import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  List,
  TimeMicrosecond,
  Timestamp,
  TimeUnit,
  Utf8,
  type DataType,
} from 'apache-arrow'
import { PG_TYPE_METADATA_KEY } from '../api/contract/query.js'

/** Arrow field metadata naming the canonical JSON extension type (https://arrow.apache.org/docs/format/CanonicalExtensions.html). */
export const ARROW_EXTENSION_NAME_KEY = 'ARROW:extension:name'
/** Value of `ARROW:extension:name` on json/jsonb columns: the canonical `arrow.json` extension (UTF-8 JSON text). */
export const ARROW_JSON_EXTENSION = 'arrow.json'

/** Largest numeric precision an Arrow Decimal128 holds (digits). */
export const DECIMAL128_MAX_PRECISION = 38

/** How one value is read from PostgreSQL's binary COPY format; the decoder knows exactly these. */
export type ValueKind =
  | 'int2'
  | 'int4'
  | 'int8'
  | 'oid'
  | 'float4'
  | 'float8'
  | 'bool'
  | 'date'
  | 'timestamp'
  | 'timestamptz'
  | 'time'
  | 'decimal'
  | 'numeric-text'
  | 'text'
  | 'json'
  | 'jsonb'
  | 'uuid'
  | 'bytea'

/** A value kind with its Decimal128 precision and scale (digits; 0 for other kinds). */
export interface ValueCodec {
  readonly kind: ValueKind
  readonly precision: number
  readonly scale: number
}

/** A result column's PostgreSQL type as the hub described it (a domain is reported as its base type). */
export interface PgColumnType {
  /** Column name as the statement returned it (may be empty or repeated). */
  readonly name: string
  /** `format_type(oid, typmod)` of the described type, e.g. `numeric(12,2)`, `integer[]`, `public.mood`. */
  readonly typeName: string
  /** OID of the type (for a domain column: its base type, as the row description reports it). */
  readonly baseOid: number
  /** Type modifier of the base type (-1 = none); for arrays it applies to the element. */
  readonly baseTypmod: number
  /** Element type OID, domains resolved, when the type is an array (`typcategory = 'A'`); else null. */
  readonly elementOid: number | null
}

/** How a column is projected in the COPY statement and read back into Arrow. */
export interface ColumnCodec {
  /** The Arrow field: original column name, type, nullable, metadata `idw:pg_type` (+ JSON extension name). */
  readonly field: Field
  /** Decoding of one value (the element, for lists). */
  readonly value: ValueCodec
  /** True when the column is a PostgreSQL array read as an Arrow List. */
  readonly list: boolean
  /** Cast applied in the COPY projection so the decoder only sees known types; null = none. */
  readonly cast: 'text' | 'text[]' | null
}

const NATIVE_KINDS: ReadonlyMap<number, ValueKind> = new Map<number, ValueKind>([
  [16, 'bool'],
  [17, 'bytea'],
  [19, 'text'],
  [20, 'int8'],
  [21, 'int2'],
  [23, 'int4'],
  [25, 'text'],
  [26, 'oid'],
  [114, 'json'],
  [700, 'float4'],
  [701, 'float8'],
  [1042, 'text'],
  [1043, 'text'],
  [1082, 'date'],
  [1083, 'time'],
  [1114, 'timestamp'],
  [1184, 'timestamptz'],
  [1700, 'decimal'],
  [2950, 'uuid'],
  [3802, 'jsonb'],
])

const TEXT_CODEC: ValueCodec = { kind: 'text', precision: 0, scale: 0 }

/**
 * Maps a PostgreSQL result column to its Arrow field and decoder. This is the contract other rooms (grid, cache,
 * exporters) rely on:
 *
 * | PostgreSQL | Arrow |
 * |---|---|
 * | smallint, integer, bigint | Int16, Int32, Int64 |
 * | oid | Int64 (unsigned 32-bit value widened) |
 * | real, double precision | Float32, Float64 (NaN and ±Infinity kept) |
 * | numeric(p,s) with 1 ≤ p ≤ 38 and 0 ≤ s ≤ p | Decimal128(p, s); `NaN` → null |
 * | numeric without typmod, p > 38, or s < 0 or s > p | Utf8: PostgreSQL's exact text (`-12.50`, `NaN`, `Infinity`) |
 * | text, varchar, char(n) (bpchar, padded), name | Utf8 |
 * | boolean | Bool |
 * | date | DateDay (days since 1970-01-01); ±infinity → null |
 * | timestamp | Timestamp(MICROSECOND, no zone); ±infinity and instants after 294 247 AD (beyond int64 µs) → null |
 * | timestamptz | Timestamp(MICROSECOND, 'UTC'), the UTC instant; same nulls as timestamp |
 * | time | Time64(MICROSECOND); `24:00:00` is kept as 86 400 000 000 µs |
 * | uuid | Utf8, canonical lower-case `8-4-4-4-12` text |
 * | json, jsonb | Utf8 with field metadata `ARROW:extension:name` = `arrow.json` (text as PostgreSQL prints it) |
 * | bytea | Binary |
 * | T[] where T is one of the above | List<T> with a nullable `item` child |
 * | anything else (interval, inet, money, enums, composites, ranges, "char", timetz, …) | Utf8 of `::text` |
 * | arrays of anything else | List<Utf8> of `::text[]` |
 *
 * Numeric without a typmod stays Utf8 because its precision is unbounded (up to 131 072 digits before the point
 * and 16 383 after) and values of one column may have different scales: any fixed Decimal would round or
 * overflow, and a float would lose digits. Text keeps the exact value; readers cast it where they know the range.
 *
 * Infinite dates and timestamps become null because no Arrow temporal value means "infinity" and clamping to the
 * int64 extremes produces instants most readers (pandas, pyarrow `to_pylist`) refuse or misprint.
 *
 * PostgreSQL arrays carry their dimensions per value, not per column: a value with two or more dimensions is
 * flattened in row-major order into one list, and lower bounds are dropped (`'[0:1]={7,8}'` → `[7, 8]`).
 *
 * Every field carries metadata `idw:pg_type` = `format_type` of the column type. PostgreSQL's row description
 * reports a domain column as its base type (so a `price` domain over numeric(12,2) shows as `numeric(12,2)` and
 * maps like it); arrays of domains map like arrays of the domain's base type.
 *
 * Statements COPY cannot run (`SHOW`, `EXPLAIN`, …) bypass this map: all their columns are Utf8 (PostgreSQL text),
 * with `idw:pg_type` still naming the real type.
 */
export function planColumn(column: PgColumnType): ColumnCodec {
  const { baseOid, baseTypmod, elementOid } = column
  if (elementOid !== null) {
    const kind = NATIVE_KINDS.get(elementOid)
    const value = kind === undefined ? TEXT_CODEC : refineNumeric(kind, baseTypmod)
    const item = new Field('item', arrowType(value), true, extensionMetadata(value))
    return { field: makeField(column, new List(item), null), value, list: true, cast: kind ? null : 'text[]' }
  }
  const kind = NATIVE_KINDS.get(baseOid)
  const value = kind === undefined ? TEXT_CODEC : refineNumeric(kind, baseTypmod)
  return { field: makeField(column, arrowType(value), value), value, list: false, cast: kind ? null : 'text' }
}

/** Precision and scale of a numeric typmod (`((p << 16) | s) + 4`, s signed 11-bit since PostgreSQL 15); null if none. */
export function numericTypmod(typmod: number): { precision: number; scale: number } | null {
  if (typmod < 4) return null
  const t = typmod - 4
  return { precision: (t >> 16) & 0xffff, scale: ((t & 0x7ff) ^ 1024) - 1024 }
}

/** The Arrow type of a value codec. */
export function arrowType(value: ValueCodec): DataType {
  switch (value.kind) {
    case 'int2':
      return new Int16()
    case 'int4':
      return new Int32()
    case 'int8':
    case 'oid':
      return new Int64()
    case 'float4':
      return new Float32()
    case 'float8':
      return new Float64()
    case 'bool':
      return new Bool()
    case 'date':
      return new DateDay()
    case 'timestamp':
      return new Timestamp(TimeUnit.MICROSECOND)
    case 'timestamptz':
      return new Timestamp(TimeUnit.MICROSECOND, 'UTC')
    case 'time':
      return new TimeMicrosecond()
    case 'decimal':
      return new Decimal(value.scale, value.precision, 128)
    case 'bytea':
      return new Binary()
    case 'numeric-text':
    case 'text':
    case 'json':
    case 'jsonb':
    case 'uuid':
      return new Utf8()
  }
}

function refineNumeric(kind: ValueKind, typmod: number): ValueCodec {
  if (kind !== 'decimal') return { kind, precision: 0, scale: 0 }
  const ps = numericTypmod(typmod)
  if (
    ps === null ||
    ps.precision < 1 ||
    ps.precision > DECIMAL128_MAX_PRECISION ||
    ps.scale < 0 ||
    ps.scale > ps.precision
  ) {
    return { kind: 'numeric-text', precision: 0, scale: 0 }
  }
  return { kind, precision: ps.precision, scale: ps.scale }
}

function extensionMetadata(value: ValueCodec | null): Map<string, string> {
  const json = value !== null && (value.kind === 'json' || value.kind === 'jsonb')
  return json ? new Map([[ARROW_EXTENSION_NAME_KEY, ARROW_JSON_EXTENSION]]) : new Map()
}

function makeField(column: PgColumnType, type: DataType, scalar: ValueCodec | null): Field {
  const metadata = extensionMetadata(scalar)
  metadata.set(PG_TYPE_METADATA_KEY, column.typeName)
  return new Field(column.name, type, true, metadata)
}
