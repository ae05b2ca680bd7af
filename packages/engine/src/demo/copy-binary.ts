import { DataType, TimeUnit, type Data, type RecordBatch, type Schema } from 'apache-arrow'

/** `COPY … (FORMAT binary)` stream header: signature, flags 0, no header extension. */
export const COPY_BINARY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)])

/** `COPY … (FORMAT binary)` trailer: a field count of -1. */
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff])

/** Microseconds between 1970-01-01 (Arrow) and 2000-01-01 (PostgreSQL's timestamp epoch). */
const PG_EPOCH_US = 946_684_800_000_000n

/** Writes value `row` of a column at `pos`, returns the new position (length word included). */
type FieldWriter = (buf: Buffer, pos: number, row: number) => number

interface Codec {
  pgType: string
  /** Payload bytes of one non-null value, or null for variable-width (text). */
  width: number | null
  writer(data: Data): FieldWriter
}

const TO_MICROS: Record<number, (v: bigint) => bigint> = {
  [TimeUnit.SECOND]: (v) => v * 1_000_000n,
  [TimeUnit.MILLISECOND]: (v) => v * 1_000n,
  [TimeUnit.MICROSECOND]: (v) => v,
  [TimeUnit.NANOSECOND]: (v) => v / 1_000n,
}

function fixed<V>(
  pgType: string,
  width: number,
  put: (buf: Buffer, pos: number, values: V, row: number) => void,
): Codec {
  return {
    pgType,
    width,
    writer: (data) => {
      const values = data.values as V
      return (buf, pos, row) => {
        buf.writeInt32BE(width, pos)
        put(buf, pos + 4, values, row)
        return pos + 4 + width
      }
    },
  }
}

const TEXT: Codec = {
  pgType: 'text',
  width: null,
  writer: (data) => {
    const offsets = data.valueOffsets as Int32Array | BigInt64Array
    const bytes = data.values as Uint8Array
    return (buf, pos, row) => {
      const start = Number(offsets[row])
      const length = Number(offsets[row + 1]) - start
      buf.writeInt32BE(length, pos)
      buf.set(bytes.subarray(start, start + length), pos + 4)
      return pos + 4 + length
    }
  },
}

/**
 * How an Arrow column is stored in PostgreSQL and written in binary COPY: Timestamp → timestamp, Int64/32/16 →
 * bigint/integer/smallint, Float64/32 → double precision/real, Utf8/LargeUtf8 → text, Bool → boolean.
 * @throws Error for another Arrow type.
 */
function codecFor(type: DataType): Codec {
  if (DataType.isTimestamp(type)) {
    const toMicros = TO_MICROS[type.unit] as (v: bigint) => bigint
    return fixed('timestamp', 8, (b, p, v: BigInt64Array, r) =>
      b.writeBigInt64BE(toMicros(v[r] as bigint) - PG_EPOCH_US, p),
    )
  }
  if (DataType.isInt(type) && type.isSigned) {
    if (type.bitWidth === 64)
      return fixed('bigint', 8, (b, p, v: BigInt64Array, r) => b.writeBigInt64BE(v[r] as bigint, p))
    if (type.bitWidth === 32) return fixed('integer', 4, (b, p, v: Int32Array, r) => b.writeInt32BE(v[r] as number, p))
    if (type.bitWidth === 16) return fixed('smallint', 2, (b, p, v: Int16Array, r) => b.writeInt16BE(v[r] as number, p))
  }
  if (DataType.isFloat(type)) {
    if (type.precision === 2)
      return fixed('double precision', 8, (b, p, v: Float64Array, r) => b.writeDoubleBE(v[r] as number, p))
    if (type.precision === 1) return fixed('real', 4, (b, p, v: Float32Array, r) => b.writeFloatBE(v[r] as number, p))
  }
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return TEXT
  if (DataType.isBool(type)) {
    return fixed('boolean', 1, (b, p, v: Uint8Array, r) => b.writeUInt8(((v[r >> 3] as number) >> (r & 7)) & 1, p))
  }
  throw new Error(`no PostgreSQL mapping for Arrow type ${String(type)}`)
}

/** Column names and PostgreSQL types for a table holding rows of `schema` (see `codecFor`). */
export function pgColumnsFor(schema: Schema): Array<{ name: string; type: string }> {
  return schema.fields.map((f) => ({ name: f.name, type: codecFor(f.type).pgType }))
}

function isValid(data: Data, row: number): boolean {
  if (data.nullCount === 0) return true
  const bit = data.offset + row
  return (((data.nullBitmap as Uint8Array)[bit >> 3] as number) >> (bit & 7)) & 1 ? true : false
}

function payloadBytes(data: Data, codec: Codec): number {
  if (codec.width !== null) return (data.length - data.nullCount) * codec.width
  const offsets = data.valueOffsets as Int32Array | BigInt64Array
  return Number(offsets[data.length]) - Number(offsets[0])
}

/**
 * Encodes the rows of one RecordBatch as binary COPY tuples (no header or trailer), in one buffer of exactly
 * the needed size: per row a 16-bit field count, per field a 32-bit length (-1 = NULL) and the value.
 */
export function encodeCopyRows(batch: RecordBatch): Buffer {
  const columns = batch.schema.fields.map((field, i) => {
    const data = batch.getChildAt(i)?.data[0] as Data
    const codec = codecFor(field.type)
    return { data, write: codec.writer(data), bytes: 4 * data.length + payloadBytes(data, codec) }
  })
  const rows = batch.numRows
  const buf = Buffer.allocUnsafe(rows * 2 + columns.reduce((sum, c) => sum + c.bytes, 0))
  let pos = 0
  for (let row = 0; row < rows; row++) {
    pos = buf.writeInt16BE(columns.length, pos)
    for (const column of columns) {
      pos = isValid(column.data, row) ? column.write(buf, pos, row) : buf.writeInt32BE(-1, pos)
    }
  }
  return buf
}
