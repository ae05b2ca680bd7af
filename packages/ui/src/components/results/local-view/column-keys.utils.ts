import { DataType, DateUnit, Precision } from 'apache-arrow'
import type { Data, RecordBatch } from 'apache-arrow'
import type { ColumnKeys } from './local-view.types'

/** How a column of an Arrow type is flattened for sorting and filtering; null when it cannot be. */
export type KeyShape =
  | { kind: 'number'; bits: boolean }
  | { kind: 'words'; stride: number; signed: boolean }
  | { kind: 'bytes'; utf8: boolean; fixedWidth: number | null }

/**
 * The key shape of an Arrow type: small integers, floats (not half floats), day dates, 32-bit times and
 * booleans (`bits`) are numbers; 64-bit integers, timestamps, millisecond dates, 64-bit times and durations are
 * two words; decimals four or eight; text and binary are bytes. Lists, structs, maps, dictionaries, intervals:
 * null (not sortable locally).
 */
export function keyShape(type: DataType): KeyShape | null {
  if (DataType.isBool(type)) return { kind: 'number', bits: true }
  if (DataType.isInt(type)) {
    return type.bitWidth === 64 ? { kind: 'words', stride: 2, signed: type.isSigned } : { kind: 'number', bits: false }
  }
  if (DataType.isFloat(type)) return type.precision === Precision.HALF ? null : { kind: 'number', bits: false }
  if (DataType.isDecimal(type)) return { kind: 'words', stride: type.bitWidth / 32, signed: true }
  if (DataType.isDate(type)) {
    return type.unit === DateUnit.DAY ? { kind: 'number', bits: false } : { kind: 'words', stride: 2, signed: true }
  }
  if (DataType.isTime(type)) {
    return type.bitWidth === 64 ? { kind: 'words', stride: 2, signed: true } : { kind: 'number', bits: false }
  }
  if (DataType.isTimestamp(type) || DataType.isDuration(type)) return { kind: 'words', stride: 2, signed: true }
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return { kind: 'bytes', utf8: true, fixedWidth: null }
  if (DataType.isBinary(type) || DataType.isLargeBinary(type)) return { kind: 'bytes', utf8: false, fixedWidth: null }
  if (DataType.isFixedSizeBinary(type)) return { kind: 'bytes', utf8: false, fixedWidth: type.byteWidth }
  return null
}

/** The Data chunks of column `column` over `batches`, in row order, at most `rowCount` rows in all. */
function columnChunks(batches: readonly RecordBatch[], column: number): Data[] {
  return batches.flatMap((batch) => batch.getChildAt(column)?.data ?? [])
}

/**
 * Flattens column `column` of the loaded `batches` (first `rowCount` rows) into `ColumnKeys`: one copy of the
 * column's buffers as typed arrays, ready to be transferred to the worker. Null for types `keyShape` refuses.
 * Costs O(rows) time and one column's bytes of memory while the view is built.
 */
export function extractColumnKeys(
  batches: readonly RecordBatch[],
  column: number,
  rowCount: number,
): ColumnKeys | null {
  const type = batches[0]?.schema.fields[column]?.type
  const shape = type === undefined ? null : keyShape(type)
  if (shape === null) return null
  const chunks = columnChunks(batches, column)
  const nulls = extractNulls(chunks, rowCount)
  if (shape.kind === 'number') return { kind: 'number', values: extractNumbers(chunks, rowCount, shape.bits), nulls }
  if (shape.kind === 'words') {
    return {
      kind: 'words',
      words: extractWords(chunks, rowCount, shape.stride),
      stride: shape.stride,
      signed: shape.signed,
      nulls,
    }
  }
  return { kind: 'bytes', ...extractBytes(chunks, rowCount, shape.fixedWidth), utf8: shape.utf8, nulls }
}

function extractNulls(chunks: readonly Data[], rowCount: number): Uint8Array | null {
  if (!chunks.some((chunk) => chunk.nullCount > 0)) return null
  const nulls = new Uint8Array(rowCount)
  let base = 0
  for (const chunk of chunks) {
    const length = Math.min(chunk.length, rowCount - base)
    const bitmap = chunk.nullBitmap
    if (chunk.nullCount > 0 && bitmap !== undefined && bitmap.length > 0) {
      for (let i = 0; i < length; i++) {
        const bit = chunk.offset + i
        nulls[base + i] = ((bitmap[bit >> 3] ?? 0) >> (bit & 7)) & 1 ? 0 : 1
      }
    }
    base += length
    if (base >= rowCount) break
  }
  return nulls
}

function extractNumbers(chunks: readonly Data[], rowCount: number, bits: boolean): Float64Array {
  const values = new Float64Array(rowCount)
  let base = 0
  for (const chunk of chunks) {
    const length = Math.min(chunk.length, rowCount - base)
    const source = chunk.values as ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }
    if (bits) {
      const bytes = chunk.values as Uint8Array
      for (let i = 0; i < length; i++) {
        const bit = chunk.offset + i
        values[base + i] = ((bytes[bit >> 3] ?? 0) >> (bit & 7)) & 1
      }
    } else {
      values.set(source.subarray(0, length), base)
    }
    base += length
    if (base >= rowCount) break
  }
  return values
}

function extractWords(chunks: readonly Data[], rowCount: number, stride: number): Uint32Array {
  const words = new Uint32Array(rowCount * stride)
  const target = new Uint8Array(words.buffer)
  let base = 0
  for (const chunk of chunks) {
    const length = Math.min(chunk.length, rowCount - base)
    const source = chunk.values as ArrayBufferView
    target.set(new Uint8Array(source.buffer, source.byteOffset, length * stride * 4), base * stride * 4)
    base += length
    if (base >= rowCount) break
  }
  return words
}

function extractBytes(
  chunks: readonly Data[],
  rowCount: number,
  fixedWidth: number | null,
): { offsets: Uint32Array | Float64Array; data: Uint8Array } {
  let total = 0
  let rows = 0
  for (const chunk of chunks) {
    const length = Math.min(chunk.length, rowCount - rows)
    total +=
      fixedWidth === null ? Number(chunk.valueOffsets[length]) - Number(chunk.valueOffsets[0]) : length * fixedWidth
    rows += length
    if (rows >= rowCount) break
  }
  const offsets = total < 2 ** 32 ? new Uint32Array(rowCount + 1) : new Float64Array(rowCount + 1)
  const data = new Uint8Array(total)
  let base = 0
  let at = 0
  for (const chunk of chunks) {
    const length = Math.min(chunk.length, rowCount - base)
    const bytes = chunk.values as Uint8Array
    const from = fixedWidth === null ? Number(chunk.valueOffsets[0]) : 0
    const to = fixedWidth === null ? Number(chunk.valueOffsets[length]) : length * fixedWidth
    data.set(bytes.subarray(from, to), at)
    for (let i = 0; i < length; i++) {
      offsets[base + i] = at + (fixedWidth === null ? Number(chunk.valueOffsets[i]) - from : i * fixedWidth)
    }
    at += to - from
    base += length
    if (base >= rowCount) break
  }
  offsets[base] = at
  return { offsets, data }
}
