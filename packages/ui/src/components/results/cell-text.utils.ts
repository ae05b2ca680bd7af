import { DataType, TimeUnit } from 'apache-arrow'
import type { Field, Vector } from 'apache-arrow'
import { formatDate, formatTimeOfDay, formatTimestamp, timeNanos, timestampNanos } from './temporal-text.utils'

/** Items of a list value shown in a cell before `…`. */
const MAX_LIST_ITEMS = 50
/** Bytes of a binary value shown as hex before `…`. */
const MAX_HEX_BYTES = 64

/**
 * Reads one cell of an Arrow column. Like `vector.get(index)` except that timestamps and times in µs or ns
 * come back as the raw `bigint` (Arrow's getter divides them into float ms and loses digits).
 */
export function readCell(vector: Vector, index: number): unknown {
  const type = vector.type
  const raw = (DataType.isTimestamp(type) || DataType.isTime(type)) && type.unit >= TimeUnit.MICROSECOND
  const data = vector.data[0]
  if (!raw || data === undefined || vector.data.length !== 1) return vector.get(index)
  return vector.isValid(index) ? (data.values as BigInt64Array)[index] : null
}

/**
 * Display text of one Arrow value of `type`, or `null` for SQL NULL.
 *
 * Integers (64-bit ones are `bigint`) print exactly; decimals apply their scale to the 128/256-bit words;
 * dates print `YYYY-MM-DD`; timestamps `YYYY-MM-DD HH:MM:SS[.ffffff]`, in their zone with its offset when the
 * type has one; binary values print as `\x` + hex; lists as `[a, b]`; structs and maps as `{k: v}`.
 */
export function formatValue(value: unknown, type: DataType): string | null {
  if (value === null || value === undefined || DataType.isNull(type)) return null
  if (DataType.isBool(type)) return value ? 'true' : 'false'
  if (DataType.isFloat(type)) return formatFloat(value as number)
  if (DataType.isDecimal(type)) return formatDecimal(value as Uint32Array, type.scale)
  if (DataType.isDate(type)) return formatDate(value as number)
  if (DataType.isTimestamp(type))
    return formatTimestamp(timestampNanos(value as number | bigint, type.unit), type.timezone)
  if (DataType.isTime(type)) return formatTimeOfDay(timeNanos(value as number | bigint, type.unit))
  if (DataType.isInterval(type)) return formatInterval(value as Int32Array, type.unit)
  if (DataType.isDuration(type)) return `${String(value)} ${['s', 'ms', 'µs', 'ns'][type.unit] ?? ''}`
  if (isBinaryType(type)) return formatHex(value as Uint8Array)
  if (DataType.isList(type) || DataType.isLargeList(type) || DataType.isFixedSizeList(type)) {
    return formatList(value as Vector, type.children[0]?.type as DataType | undefined)
  }
  if (DataType.isStruct(type)) {
    const row = value as Record<string, unknown>
    return formatEntries(type.children.map((field: Field) => [field.name, row[field.name], field.type]))
  }
  if (DataType.isMap(type)) return formatMap(value as Iterable<[unknown, unknown]>, type)
  if (DataType.isDictionary(type)) return formatValue(value, type.dictionary)
  return typeof value === 'string' ? value : String(value)
}

/** True for integer, floating point and decimal columns (shown right-aligned). */
export function isNumericType(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)
}

/** A float as PostgreSQL prints float8: shortest round-trip digits, `NaN`, `Infinity`, `-Infinity`. */
function formatFloat(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value)
}

/**
 * A decimal from its little-endian two's complement 32-bit words (128 or 256 bits) and its scale:
 * words `[12345, 0, 0, 0]` with scale 2 → `123.45`.
 */
export function formatDecimal(words: ArrayLike<number>, scale: number): string {
  let unscaled = 0n
  for (let i = words.length - 1; i >= 0; i--) unscaled = (unscaled << 32n) | BigInt((words[i] ?? 0) >>> 0)
  unscaled = BigInt.asIntN(words.length * 32, unscaled)
  const negative = unscaled < 0n
  const digits = (negative ? -unscaled : unscaled).toString()
  if (scale <= 0) return `${negative ? '-' : ''}${digits}${'0'.repeat(-scale)}`
  const padded = digits.padStart(scale + 1, '0')
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`
}

/** Bytes as PostgreSQL's bytea hex output `\x0102ff`, cut after 64 bytes with `…`. */
export function formatHex(bytes: Uint8Array): string {
  let hex = '\\x'
  for (const byte of bytes.subarray(0, MAX_HEX_BYTES)) hex += byte.toString(16).padStart(2, '0')
  return bytes.length > MAX_HEX_BYTES ? `${hex}…` : hex
}

/**
 * An interval: Arrow's month-day-nano (`[months, days, nanos low, nanos high]`), day-time (`[days, ms]`) or
 * year-month (`[years, months]`) words, printed like PostgreSQL: `1 year 2 mons 3 days 04:05:06`.
 */
export function formatInterval(words: Int32Array, unit: number): string {
  let months = 0
  let days = 0
  let nanos = 0n
  if (unit === 2) {
    months = words[0] ?? 0
    days = words[1] ?? 0
    nanos = BigInt.asIntN(64, (BigInt((words[3] ?? 0) >>> 0) << 32n) | BigInt((words[2] ?? 0) >>> 0))
  } else if (unit === 1) {
    days = words[0] ?? 0
    nanos = BigInt(words[1] ?? 0) * 1_000_000n
  } else {
    months = (words[0] ?? 0) * 12 + (words[1] ?? 0)
  }
  const parts: string[] = []
  const years = Math.trunc(months / 12)
  const restMonths = months % 12
  if (years !== 0) parts.push(`${years} ${Math.abs(years) === 1 ? 'year' : 'years'}`)
  if (restMonths !== 0) parts.push(`${restMonths} ${Math.abs(restMonths) === 1 ? 'mon' : 'mons'}`)
  if (days !== 0) parts.push(`${days} ${Math.abs(days) === 1 ? 'day' : 'days'}`)
  if (nanos !== 0n || parts.length === 0) {
    const clock = formatTimeOfDay(nanos < 0n ? -nanos : nanos, true)
    parts.push(nanos < 0n ? `-${clock}` : clock)
  }
  return parts.join(' ')
}

function isBinaryType(type: DataType): boolean {
  return (
    DataType.isBinary(type) ||
    DataType.isLargeBinary(type) ||
    DataType.isFixedSizeBinary(type) ||
    DataType.isBinaryView(type)
  )
}

function formatList(items: Vector, child: DataType | undefined): string {
  const texts: string[] = []
  const count = Math.min(items.length, MAX_LIST_ITEMS)
  for (let i = 0; i < count; i++) texts.push(nestedText(items.get(i), child ?? items.type))
  return `[${texts.join(', ')}${items.length > count ? ', …' : ''}]`
}

function formatMap(entries: Iterable<[unknown, unknown]>, type: DataType): string {
  const entry = type.children[0]?.type as DataType | undefined
  const keyType = entry?.children[0]?.type as DataType | undefined
  const valueType = entry?.children[1]?.type as DataType | undefined
  const rows: [string, unknown, DataType | undefined][] = []
  for (const [key, value] of entries)
    rows.push([keyType ? (formatValue(key, keyType) ?? 'NULL') : String(key), value, valueType])
  return formatEntries(rows)
}

function formatEntries(entries: [string, unknown, DataType | undefined][]): string {
  return `{${entries.map(([key, value, type]) => `${key}: ${type ? nestedText(value, type) : String(value)}`).join(', ')}}`
}

function nestedText(value: unknown, type: DataType): string {
  const text = formatValue(value, type)
  if (text === null) return 'NULL'
  return DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isUtf8View(type) ? JSON.stringify(text) : text
}
