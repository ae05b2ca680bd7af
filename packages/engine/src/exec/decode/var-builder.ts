import { makeData, type Data, type DataType } from 'apache-arrow'
import { EngineError } from '../../api/contract/errors.js'
import type { ValueCodec } from '../type-map.js'
import { INITIAL_CAPACITY, type ColumnBuilder } from './column-builder.js'
import { numericTextMaxLength, writeNumericText } from './numeric.js'
import { Validity } from './validity.js'

const enum Code {
  Copy,
  Jsonb,
  Uuid,
  NumericText,
}

const CODES: Partial<Record<ValueCodec['kind'], Code>> = {
  text: Code.Copy,
  json: Code.Copy,
  bytea: Code.Copy,
  jsonb: Code.Jsonb,
  uuid: Code.Uuid,
  'numeric-text': Code.NumericText,
}

/** Version byte jsonb_send puts before the JSON text (src/backend/utils/adt/jsonb.c). */
const JSONB_VERSION = 1
/** Below this length a byte loop beats `subarray` + `set`. */
const SHORT_COPY = 32
const HEX = new TextEncoder().encode('0123456789abcdef')
const encoder = new TextEncoder()

/**
 * Builds Utf8 and Binary columns (int32 offsets + bytes). Text, json and bytea bytes are copied from the wire as
 * they are (the session's client_encoding is UTF8), jsonb without its version byte; uuid and numeric are
 * written as their canonical ASCII text. No JS string is made on this path.
 */
export class VarBuilder implements ColumnBuilder {
  length = 0
  private readonly code: Code
  private capacity = INITIAL_CAPACITY
  private offsets = new Int32Array(INITIAL_CAPACITY + 1)
  private data = new Uint8Array(INITIAL_CAPACITY * 16)
  private used = 0
  private readonly validity = new Validity()

  constructor(
    private readonly type: DataType,
    value: ValueCodec,
  ) {
    const code = CODES[value.kind]
    if (code === undefined) throw new TypeError(`VarBuilder cannot hold ${value.kind}`)
    this.code = code
  }

  append(bytes: Uint8Array, view: DataView, off: number, len: number): void {
    const i = this.length
    if (i === this.capacity) this.growOffsets()
    switch (this.code) {
      case Code.Copy:
        this.copy(bytes, off, len)
        break
      case Code.Jsonb:
        if (bytes[off] !== JSONB_VERSION) {
          throw new EngineError('INTERNAL', `unsupported jsonb binary version ${bytes[off]} from the hub`)
        }
        this.copy(bytes, off + 1, len - 1)
        break
      case Code.Uuid:
        this.writeUuid(bytes, off)
        break
      case Code.NumericText:
        this.reserve(numericTextMaxLength(view, off))
        this.used += writeNumericText(view, off, this.data, this.used)
        break
    }
    this.offsets[i + 1] = this.used
    this.length = i + 1
  }

  /** Appends a JS string as UTF-8 (the plain-statement fallback, whose values arrive as text). */
  appendString(value: string): void {
    const i = this.length
    if (i === this.capacity) this.growOffsets()
    this.reserve(value.length * 3)
    this.used += encoder.encodeInto(value, this.data.subarray(this.used)).written
    this.offsets[i + 1] = this.used
    this.length = i + 1
  }

  appendNull(): void {
    const i = this.length
    if (i === this.capacity) this.growOffsets()
    this.validity.setNull(i)
    this.offsets[i + 1] = this.used
    this.length = i + 1
  }

  finish(): Data {
    const length = this.length
    const { nullBitmap, nullCount } = this.validity.take(length)
    const props = {
      type: this.type,
      length,
      nullCount,
      nullBitmap,
      valueOffsets: this.offsets.subarray(0, length + 1),
      data: this.data.subarray(0, this.used),
    }
    const built = makeData(props as Parameters<typeof makeData>[0])
    this.length = 0
    this.used = 0
    this.offsets = new Int32Array(this.capacity + 1)
    this.data = new Uint8Array(this.data.length)
    return built
  }

  private copy(bytes: Uint8Array, off: number, len: number): void {
    this.reserve(len)
    const data = this.data
    const at = this.used
    if (len < SHORT_COPY) {
      for (let k = 0; k < len; k += 1) data[at + k] = bytes[off + k]!
    } else {
      data.set(bytes.subarray(off, off + len), at)
    }
    this.used = at + len
  }

  /** Writes 16 uuid bytes as `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. */
  private writeUuid(bytes: Uint8Array, off: number): void {
    this.reserve(36)
    const data = this.data
    let p = this.used
    for (let k = 0; k < 16; k += 1) {
      if (k === 4 || k === 6 || k === 8 || k === 10) data[p++] = 0x2d
      const b = bytes[off + k]!
      data[p++] = HEX[b >> 4]!
      data[p++] = HEX[b & 15]!
    }
    this.used = p
  }

  private reserve(bytes: number): void {
    const need = this.used + bytes
    if (need <= this.data.length) return
    let size = this.data.length * 2
    while (size < need) size *= 2
    const next = new Uint8Array(size)
    next.set(this.data.subarray(0, this.used))
    this.data = next
  }

  private growOffsets(): void {
    this.capacity *= 2
    const next = new Int32Array(this.capacity + 1)
    next.set(this.offsets)
    this.offsets = next
  }
}
