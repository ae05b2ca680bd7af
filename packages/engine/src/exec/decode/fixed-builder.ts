import { makeData, type Data, type DataType } from 'apache-arrow'
import type { ValueCodec } from '../type-map.js'
import { INITIAL_CAPACITY, type ColumnBuilder } from './column-builder.js'
import { writeDecimal128 } from './numeric.js'
import { pgDateToUnixDays, writeUnixMicros } from './temporal.js'
import { Validity } from './validity.js'

const enum Code {
  Int16,
  Bits32,
  Bits64,
  Oid,
  Bool,
  Date,
  Timestamp,
  Decimal,
}

const CODES: Partial<Record<ValueCodec['kind'], Code>> = {
  int2: Code.Int16,
  int4: Code.Bits32,
  float4: Code.Bits32,
  int8: Code.Bits64,
  float8: Code.Bits64,
  time: Code.Bits64,
  oid: Code.Oid,
  bool: Code.Bool,
  date: Code.Date,
  timestamp: Code.Timestamp,
  timestamptz: Code.Timestamp,
  decimal: Code.Decimal,
}

const WIDTHS: Record<Code, number> = {
  [Code.Int16]: 2,
  [Code.Bits32]: 4,
  [Code.Bits64]: 8,
  [Code.Oid]: 8,
  [Code.Bool]: 0,
  [Code.Date]: 4,
  [Code.Timestamp]: 8,
  [Code.Decimal]: 16,
}

/** True when `kind` is stored in a fixed-width (or bit-packed) Arrow buffer. */
export function isFixedWidth(kind: ValueCodec['kind']): boolean {
  return CODES[kind] !== undefined
}

/**
 * Builds fixed-width columns: big-endian wire values are written as little-endian words into one buffer seen
 * through typed views (floats are copied as bit patterns, so NaN payloads survive). Dates and timestamps move to
 * the Unix epoch; values with no Arrow equivalent (±infinity, numeric NaN) become null.
 */
export class FixedBuilder implements ColumnBuilder {
  length = 0
  private readonly code: Code
  private readonly width: number
  private capacity = INITIAL_CAPACITY
  private u8: Uint8Array
  private i16: Int16Array
  private i32: Int32Array
  private u32: Uint32Array
  private readonly validity = new Validity()

  constructor(
    private readonly type: DataType,
    private readonly value: ValueCodec,
  ) {
    const code = CODES[value.kind]
    if (code === undefined) throw new TypeError(`FixedBuilder cannot hold ${value.kind}`)
    this.code = code
    this.width = WIDTHS[code]
    this.u8 = this.allocate(this.capacity)
    this.i16 = new Int16Array(this.u8.buffer)
    this.i32 = new Int32Array(this.u8.buffer)
    this.u32 = new Uint32Array(this.u8.buffer)
  }

  append(bytes: Uint8Array, view: DataView, off: number, _len: number): void {
    const i = this.length
    if (i === this.capacity) this.grow()
    switch (this.code) {
      case Code.Int16:
        this.i16[i] = view.getInt16(off)
        break
      case Code.Bits32:
        this.i32[i] = view.getInt32(off)
        break
      case Code.Bits64:
        this.i32[2 * i] = view.getInt32(off + 4)
        this.i32[2 * i + 1] = view.getInt32(off)
        break
      case Code.Oid:
        this.i32[2 * i] = view.getInt32(off)
        break
      case Code.Bool:
        if (bytes[off] !== 0) this.u8[i >> 3]! |= 1 << (i & 7)
        break
      case Code.Date: {
        const days = pgDateToUnixDays(view.getInt32(off))
        if (days === null) return this.appendNull()
        this.i32[i] = days
        break
      }
      case Code.Timestamp:
        if (!writeUnixMicros(view.getInt32(off), view.getUint32(off + 4), this.i32, i)) return this.appendNull()
        break
      case Code.Decimal:
        if (!writeDecimal128(view, off, this.value.scale, this.u32, i)) return this.appendNull()
        break
    }
    this.length = i + 1
  }

  appendNull(): void {
    const i = this.length
    if (i === this.capacity) this.grow()
    this.validity.setNull(i)
    this.length = i + 1
  }

  finish(): Data {
    const length = this.length
    const { nullBitmap, nullCount } = this.validity.take(length)
    const data = this.u8.subarray(0, this.byteLength(length))
    const built = makeData({ type: this.type, length, nullCount, nullBitmap, data } as Parameters<typeof makeData>[0])
    this.length = 0
    this.setBuffer(this.allocate(this.capacity))
    return built
  }

  private byteLength(values: number): number {
    return this.code === Code.Bool ? (values + 7) >> 3 : values * this.width
  }

  /** Buffers are 8-byte multiples so every typed view (and BigInt64Array in Arrow) can share them. */
  private allocate(values: number): Uint8Array {
    return new Uint8Array((this.byteLength(values) + 7) & ~7)
  }

  private grow(): void {
    this.capacity *= 2
    const next = this.allocate(this.capacity)
    next.set(this.u8)
    this.setBuffer(next)
  }

  private setBuffer(u8: Uint8Array): void {
    this.u8 = u8
    this.i16 = new Int16Array(u8.buffer)
    this.i32 = new Int32Array(u8.buffer)
    this.u32 = new Uint32Array(u8.buffer)
  }
}
