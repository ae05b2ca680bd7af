import type { Data } from 'apache-arrow'

/**
 * How a value is spelled: `csv` = a CSV field (null = empty, quoted when needed); `json` = a JSON value inside
 * a list (null = `null`, strings and temporal values quoted as JSON strings).
 */
export type TextMode = 'csv' | 'json'

/** The spelling of SQL NULL in `mode`. */
export function nullText(mode: TextMode): string {
  return mode === 'csv' ? '' : 'null'
}

/**
 * The validity bitmap of `data`, or `null` when no slot is null. Slot `i` is bit `data.offset + i`
 * (Arrow JS does not slice bitmaps).
 */
export function validityOf(data: Data): Uint8Array | null {
  return data.nullCount > 0 && data.nullBitmap !== undefined && data.nullBitmap.length > 0 ? data.nullBitmap : null
}

/** True when bit `bit` of an Arrow validity bitmap is set (the slot holds a value). */
export function isValid(bitmap: Uint8Array, bit: number): boolean {
  return ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0
}

const TWO_POW_32 = 4294967296
/** High 32-bit words within this range keep an int64 inside ±2^53, where a double is exact. */
const SAFE_HIGH_WORD = 0x200000

/** The 32-bit little-endian words of a 64-bit values array, to read int64 values without BigInt. */
export function int64Words(values: BigInt64Array): Int32Array {
  return new Int32Array(values.buffer, values.byteOffset, values.length * 2)
}

/**
 * Value `i` of an int64 array as an exact double, or NaN when it lies outside ±2^53 (read it as a BigInt).
 * Avoids allocating a BigInt per value.
 */
export function exactInt64At(words: Int32Array, i: number): number {
  const high = words[2 * i + 1] ?? 0
  if (high < -SAFE_HIGH_WORD || high >= SAFE_HIGH_WORD) return Number.NaN
  return high * TWO_POW_32 + ((words[2 * i] ?? 0) >>> 0)
}
