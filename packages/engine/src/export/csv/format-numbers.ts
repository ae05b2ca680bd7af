import type { Bool, Data, Decimal, Float, Int } from 'apache-arrow'
import { exactInt64At, int64Words, isValid, nullText, validityOf, type TextMode } from './column-data.js'

const TWO_POW_32 = 4294967296

/** Integers of up to 32 bits (int2, int4), as decimal text. */
export function formatIntegers(data: Data<Int>, mode: TextMode): string[] {
  const values = data.values as Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  for (let i = 0; i < data.length; i++) {
    out[i] = bitmap !== null && !isValid(bitmap, data.offset + i) ? empty : String(values[i])
  }
  return out
}

/** 64-bit integers (int8), exact: doubles inside ±2^53, BigInt beyond. */
export function formatInt64s(data: Data<Int>, mode: TextMode): string[] {
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  if (!data.type.isSigned) {
    const unsigned = data.values as BigUint64Array
    for (let i = 0; i < data.length; i++) {
      out[i] = bitmap !== null && !isValid(bitmap, data.offset + i) ? empty : String(unsigned[i])
    }
    return out
  }
  const values = data.values as BigInt64Array
  const words = int64Words(values)
  for (let i = 0; i < data.length; i++) {
    if (bitmap !== null && !isValid(bitmap, data.offset + i)) {
      out[i] = empty
      continue
    }
    const exact = exactInt64At(words, i)
    out[i] = Number.isNaN(exact) ? String(values[i]) : String(exact)
  }
  return out
}

/**
 * float4 and float8 in their shortest round-trip spelling; `NaN`, `Infinity`, `-Infinity` and `-0` as
 * PostgreSQL spells them. Inside JSON lists the non-finite values become strings (`"NaN"`), as PostgreSQL's
 * `to_json` writes them.
 */
export function formatFloats(data: Data<Float>, mode: TextMode): string[] {
  const values = data.values as Float32Array | Float64Array
  const single = values instanceof Float32Array
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  for (let i = 0; i < data.length; i++) {
    if (bitmap !== null && !isValid(bitmap, data.offset + i)) {
      out[i] = empty
      continue
    }
    const value = values[i] ?? 0
    const text = single ? float32Text(value) : float64Text(value)
    out[i] = mode === 'json' && !Number.isFinite(value) ? '"' + text + '"' : text
  }
  return out
}

function float64Text(value: number): string {
  return value === 0 && 1 / value < 0 ? '-0' : String(value)
}

/** The fewest significant digits that read back as the same float32 (a double's shortest form is too long). */
function float32Text(value: number): string {
  if (!Number.isFinite(value) || value === 0) return float64Text(value)
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(value.toPrecision(digits))
    if (Math.fround(candidate) === value) return String(candidate)
  }
  return String(Number(value.toPrecision(9)))
}

/** Decimal128 (and Decimal256) as exact decimal text with exactly `scale` fraction digits, like numeric(p,s). */
export function formatDecimals(data: Data<Decimal>, mode: TextMode): string[] {
  const words = data.values as Uint32Array
  const stride = data.type.bitWidth / 32
  const scale = data.type.scale
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  for (let i = 0; i < data.length; i++) {
    out[i] =
      bitmap !== null && !isValid(bitmap, data.offset + i)
        ? empty
        : withScale(unscaledText(words, i * stride, stride), scale)
  }
  return out
}

/** The signed two's-complement integer held in `stride` little-endian words from `base`, as decimal text. */
function unscaledText(words: Uint32Array, base: number, stride: number): string {
  const low = words[base] ?? 0
  const high = words[base + 1] ?? 0
  let upperZero = true
  let upperOnes = true
  for (let k = 2; k < stride; k++) {
    const word = words[base + k]
    if (word !== 0) upperZero = false
    if (word !== 0xffffffff) upperOnes = false
  }
  if (upperZero && high < 0x200000) return String(high * TWO_POW_32 + low)
  if (upperOnes && high > 0xffe00000) return '-' + String((0xffffffff - high) * TWO_POW_32 + (TWO_POW_32 - low))
  let value = 0n
  for (let k = stride - 1; k >= 0; k--) value = (value << 32n) | BigInt(words[base + k] ?? 0)
  return BigInt.asIntN(stride * 32, value).toString()
}

/** Places the decimal point `scale` digits from the right: `-5`, scale 2 → `-0.05`. */
function withScale(digits: string, scale: number): string {
  if (scale <= 0) return scale === 0 || digits === '0' ? digits : digits + '0'.repeat(-scale)
  const negative = digits.charCodeAt(0) === 45
  const magnitude = negative ? digits.slice(1) : digits
  const padded = magnitude.length <= scale ? '0'.repeat(scale - magnitude.length + 1) + magnitude : magnitude
  const cut = padded.length - scale
  return (negative ? '-' : '') + padded.slice(0, cut) + '.' + padded.slice(cut)
}

/** Booleans as `true` / `false` (Arrow packs them in a bitmap that, like validity, starts at `data.offset`). */
export function formatBools(data: Data<Bool>, mode: TextMode): string[] {
  const bits = data.values as Uint8Array
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  for (let i = 0; i < data.length; i++) {
    const bit = data.offset + i
    out[i] = bitmap !== null && !isValid(bitmap, bit) ? empty : isValid(bits, bit) ? 'true' : 'false'
  }
  return out
}
