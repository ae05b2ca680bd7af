import {
  DataType,
  RecordBatch,
  Struct,
  makeData,
  type Binary,
  type Bool,
  type Data,
  type Field,
  type List,
  type Schema,
  type Utf8,
} from 'apache-arrow'
import { EngineError } from '../../api/contract/errors.js'
import { isValid, validityOf } from '../csv/column-data.js'

/**
 * The rows `indices[0, count)` of `batch`, in that order, as a new batch with `schema` (copied buffers; the input
 * is untouched). Handles every layout the exec room produces — fixed-width numbers, dates, times, timestamps and
 * decimals, booleans, text and binary, lists of those — including sliced input.
 * @throws EngineError `EXPORT_FAILED` for another Arrow layout (unions, maps, dictionaries…).
 */
export function takeRows(batch: RecordBatch, schema: Schema, indices: Int32Array, count: number): RecordBatch {
  const children = schema.fields.map((field, c) => takeData(batch.data.children[c] as Data, field, indices, count))
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: count, nullCount: 0, children }))
}

/** The values `indices[0, count)` of one column. */
export function takeData(data: Data, field: Field, indices: Int32Array, count: number): Data {
  const { nullBitmap, nullCount } = takeValidity(data, indices, count)
  const type: DataType = data.type
  if (DataType.isBool(type)) {
    return makeData({ type, length: count, nullCount, nullBitmap, data: takeBits(data as Data<Bool>, indices, count) })
  }
  if (DataType.isUtf8(type) || DataType.isBinary(type)) {
    const { valueOffsets, values } = takeVariable(data as Data<Utf8 | Binary>, indices, count)
    return makeData({ type, length: count, nullCount, nullBitmap, valueOffsets, data: values } as never)
  }
  if (DataType.isList(type)) {
    const { valueOffsets, childIndices } = takeRanges(data as Data<List>, indices, count)
    const childField = (type as List).children[0] as Field
    const child = takeData(data.children[0] as Data, childField, childIndices, childIndices.length)
    return makeData({ type: type as List, length: count, nullCount, nullBitmap, valueOffsets, child })
  }
  if (isFixedWidth(type)) {
    return makeData({ type, length: count, nullCount, nullBitmap, data: takeFixed(data, indices, count) } as never)
  }
  throw new EngineError(
    'EXPORT_FAILED',
    `column "${field.name}" has the Arrow type ${String(type)}, which a split or sampled export cannot route`,
    { column: field.name, arrowType: String(type) },
  )
}

function isFixedWidth(type: DataType): boolean {
  return (
    DataType.isInt(type) ||
    DataType.isFloat(type) ||
    DataType.isDecimal(type) ||
    DataType.isDate(type) ||
    DataType.isTimestamp(type) ||
    DataType.isTime(type)
  )
}

/** The validity bitmap of the taken rows (`undefined` when no row is null). */
function takeValidity(data: Data, indices: Int32Array, count: number): { nullBitmap?: Uint8Array; nullCount: number } {
  const bitmap = validityOf(data)
  if (bitmap === null) return { nullCount: 0 }
  const out = new Uint8Array(Math.ceil(count / 8))
  let nulls = 0
  for (let j = 0; j < count; j++) {
    if (isValid(bitmap, data.offset + (indices[j] as number))) out[j >> 3] = (out[j >> 3] as number) | (1 << (j & 7))
    else nulls++
  }
  return nulls === 0 ? { nullCount: 0 } : { nullBitmap: out, nullCount: nulls }
}

/** Boolean values (bit-packed; Arrow JS does not slice them, so slot `i` is bit `offset + i`). */
function takeBits(data: Data<Bool>, indices: Int32Array, count: number): Uint8Array {
  const values = data.values
  const out = new Uint8Array(Math.ceil(count / 8))
  for (let j = 0; j < count; j++) {
    if (isValid(values, data.offset + (indices[j] as number))) out[j >> 3] = (out[j >> 3] as number) | (1 << (j & 7))
  }
  return out
}

/**
 * Fixed-width values, copied as 32-bit words (or 16/8-bit units) through a view of the same memory, so 64-bit
 * and 128-bit values need no BigInt and float bit patterns (NaN payloads) stay exact. Arrow JS slices these
 * buffers, so slot `i` starts at element `i * stride`.
 */
function takeFixed(data: Data, indices: Int32Array, count: number): ArrayBufferView {
  const values = data.values as unknown as ArrayBufferView & { BYTES_PER_ELEMENT: number; length: number }
  const width = values.BYTES_PER_ELEMENT * data.stride
  const Unit = width % 4 === 0 ? Int32Array : width % 2 === 0 ? Uint16Array : Uint8Array
  const words = width / Unit.BYTES_PER_ELEMENT
  const source = new Unit(
    values.buffer as ArrayBuffer,
    values.byteOffset,
    (values.byteLength / Unit.BYTES_PER_ELEMENT) | 0,
  )
  const buffer = new ArrayBuffer(count * width)
  const target = new Unit(buffer)
  if (words === 1) {
    for (let j = 0; j < count; j++) target[j] = source[indices[j] as number] as number
  } else {
    for (let j = 0; j < count; j++) {
      const from = (indices[j] as number) * words
      const to = j * words
      for (let w = 0; w < words; w++) target[to + w] = source[from + w] as number
    }
  }
  const Values = values.constructor as new (buffer: ArrayBuffer) => ArrayBufferView
  return new Values(buffer)
}

/** Text or binary values: new offsets and the taken bytes. */
function takeVariable(
  data: Data<Utf8 | Binary>,
  indices: Int32Array,
  count: number,
): { valueOffsets: Int32Array; values: Uint8Array } {
  const offsets = data.valueOffsets as Int32Array
  const bytes = data.values
  const valueOffsets = takeOffsets(offsets, indices, count)
  const values = new Uint8Array(valueOffsets[count] as number)
  for (let j = 0; j < count; j++) {
    const i = indices[j] as number
    const from = offsets[i] as number
    const length = (offsets[i + 1] as number) - from
    const to = valueOffsets[j] as number
    if (length > 32) values.set(bytes.subarray(from, from + length), to)
    else for (let k = 0; k < length; k++) values[to + k] = bytes[from + k] as number
  }
  return { valueOffsets, values }
}

/** List rows: new offsets and the child rows to take, in order. */
function takeRanges(
  data: Data<List>,
  indices: Int32Array,
  count: number,
): { valueOffsets: Int32Array; childIndices: Int32Array } {
  const offsets = data.valueOffsets as Int32Array
  const valueOffsets = takeOffsets(offsets, indices, count)
  const childIndices = new Int32Array(valueOffsets[count] as number)
  let at = 0
  for (let j = 0; j < count; j++) {
    const i = indices[j] as number
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) childIndices[at++] = k
  }
  return { valueOffsets, childIndices }
}

/** The offsets of the rows `indices[0, count)` taken from `offsets`, starting at 0 (`count + 1` entries). */
function takeOffsets(offsets: Int32Array, indices: Int32Array, count: number): Int32Array {
  const taken = new Int32Array(count + 1)
  let total = 0
  for (let j = 0; j < count; j++) {
    const i = indices[j] as number
    total += (offsets[i + 1] as number) - (offsets[i] as number)
    taken[j + 1] = total
  }
  return taken
}
