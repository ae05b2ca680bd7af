/**
 * Decoders of PostgreSQL's binary `numeric` (numeric_send): int16 ndigits, int16 weight, uint16 sign, int16 dscale,
 * then ndigits base-10 000 digits (int16), the first of weight `weight` (value = Σ digit[i] · 10000^(weight − i)).
 * Source: src/backend/utils/adt/numeric.c.
 */

const NUMERIC_NEG = 0x4000
const NUMERIC_NAN = 0xc000
const NUMERIC_PINF = 0xd000
const NUMERIC_NINF = 0xf000
const TWO_32 = 4294967296
const POW10 = [1, 10, 100, 1000, 10000] as const
const NAN_TEXT = [0x4e, 0x61, 0x4e]
const INFINITY_TEXT = [0x49, 0x6e, 0x66, 0x69, 0x6e, 0x69, 0x74, 0x79]

/** Upper bound of the bytes `writeNumericText` writes for the numeric at `off` (sign, digits, point). */
export function numericTextMaxLength(view: DataView, off: number): number {
  const weight = view.getInt16(off + 2)
  const dscale = view.getInt16(off + 6)
  return 10 + Math.max(weight + 1, 1) * 4 + Math.max(dscale, 0)
}

/**
 * Writes the numeric at `view[off]` as ASCII text into `dst` at `at`, exactly as PostgreSQL's `numeric_out` prints
 * it (`-12.50`, `0.001`, `NaN`, `Infinity`, `-Infinity`); returns the number of bytes written. `dst` must have
 * `numericTextMaxLength` bytes free.
 */
export function writeNumericText(view: DataView, off: number, dst: Uint8Array, at: number): number {
  const ndigits = view.getInt16(off)
  const weight = view.getInt16(off + 2)
  const sign = view.getUint16(off + 4)
  const dscale = view.getInt16(off + 6)
  let p = at
  if (sign === NUMERIC_NAN) return copyAscii(NAN_TEXT, dst, p)
  if (sign === NUMERIC_NINF) dst[p++] = 0x2d
  if (sign === NUMERIC_PINF || sign === NUMERIC_NINF) return p - at + copyAscii(INFINITY_TEXT, dst, p)
  if (sign === NUMERIC_NEG) dst[p++] = 0x2d
  if (weight < 0) {
    dst[p++] = 0x30
  } else {
    for (let d = 0; d <= weight; d += 1) {
      const digit = d < ndigits ? view.getInt16(off + 8 + 2 * d) : 0
      p = d === 0 ? writeUnpadded(digit, dst, p) : writePadded(digit, dst, p, 4)
    }
  }
  if (dscale > 0) {
    dst[p++] = 0x2e
    let left = dscale
    for (let d = weight + 1; left > 0; d += 1) {
      const digit = d >= 0 && d < ndigits ? view.getInt16(off + 8 + 2 * d) : 0
      const n = Math.min(left, 4)
      p = writePadded(Math.floor(digit / POW10[4 - n]!), dst, p, n)
      left -= n
    }
  }
  return p - at
}

/**
 * Writes the numeric at `view[off]` as a Decimal128 of scale `scale` (128-bit two's complement, four little-endian
 * uint32 words) into `dst[4·index …]`. Returns false, writing nothing, for NaN and ±Infinity, which Decimal128
 * cannot hold. The caller guarantees the value fits (precision ≤ 38, the column's typmod); digits below `scale`
 * (none, when the column's typmod rounded the value) are truncated.
 */
export function writeDecimal128(view: DataView, off: number, scale: number, dst: Uint32Array, index: number): boolean {
  const ndigits = view.getInt16(off)
  const weight = view.getInt16(off + 2)
  const sign = view.getUint16(off + 4)
  if (sign !== 0 && sign !== NUMERIC_NEG) return false
  const w = [0, 0, 0, 0]
  // Decimal digits of the value below `scale`: dropped group by group, so no intermediate exceeds the result.
  const exponent = 4 * (weight - ndigits + 1) + scale
  const drop = Math.max(0, -exponent)
  for (let i = 0; i < ndigits; i += 1) {
    const k = Math.min(4, Math.max(0, drop - 4 * (ndigits - 1 - i)))
    if (k < 4) mulAdd(w, POW10[4 - k]!, Math.floor(view.getInt16(off + 8 + 2 * i) / POW10[k]!))
  }
  for (let up = exponent; up > 0; up -= 4) mulAdd(w, POW10[Math.min(up, 4)]!, 0)
  if (sign === NUMERIC_NEG) negate(w)
  const base = 4 * index
  dst[base] = w[0]!
  dst[base + 1] = w[1]!
  dst[base + 2] = w[2]!
  dst[base + 3] = w[3]!
  return true
}

/** w = w · m + add over four base-2³² words; every intermediate stays below 2⁵³ for m ≤ 10 000. */
function mulAdd(w: number[], m: number, add: number): void {
  let carry = add
  for (let i = 0; i < 4; i += 1) {
    const t = w[i]! * m + carry
    const low = t % TWO_32
    w[i] = low
    carry = (t - low) / TWO_32
  }
}

function negate(w: number[]): void {
  let carry = 1
  for (let i = 0; i < 4; i += 1) {
    const t = 0xffffffff - w[i]! + carry
    w[i] = t % TWO_32
    carry = t >= TWO_32 ? 1 : 0
  }
}

function copyAscii(text: readonly number[], dst: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i += 1) dst[at + i] = text[i]!
  return text.length
}

function writeUnpadded(value: number, dst: Uint8Array, at: number): number {
  const width = value >= 1000 ? 4 : value >= 100 ? 3 : value >= 10 ? 2 : 1
  return writePadded(value, dst, at, width)
}

function writePadded(value: number, dst: Uint8Array, at: number, width: number): number {
  let v = value
  for (let i = width - 1; i >= 0; i -= 1) {
    dst[at + i] = 0x30 + (v % 10)
    v = Math.floor(v / 10)
  }
  return at + width
}
