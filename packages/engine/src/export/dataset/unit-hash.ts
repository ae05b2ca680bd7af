import { DataType, type Data, type Field, type Utf8 } from 'apache-arrow'
import { isValid, validityOf } from '../csv/column-data.js'
import { formatColumn } from '../csv/format-column.js'
import { murmur3 } from './murmur3.js'

/** Seed mix of the second hash (the 32-bit golden ratio). */
const SECOND_SEED_MIX = 0x9e3779b9
const TWO_POW_21 = 2 ** 21
const TWO_POW_53 = 2 ** 53

/**
 * Maps keys to numbers spread uniformly over [0, 1), the same on every machine, hub and run: the basis of the
 * deterministic split and of reproducible sampling.
 *
 * Formula (reproducible in Python with `mmh3`):
 * `input = UTF-8("<purpose>:" + key text)` (a NULL key: `UTF-8("<purpose>")`);
 * `h1 = murmur3_x86_32(input, seed)`, `h2 = murmur3_x86_32(input, seed ^ 0x9E3779B9)`;
 * `u = (h1 · 2^21 + (h2 >> 11)) / 2^53` — 53 bits, exact in a double.
 *
 * Key text (`keyTexts`): text, uuid, json and numeric-as-text columns as they are; other values as the CSV
 * export spells them (integers and decimals exact, `2024-01-02 03:04:05.000000` timestamps, `true`/`false`,
 * `\x…` bytea); lists as the JSON arrays the CSV export writes.
 */
export class UnitHasher {
  #scratch = new Uint8Array(256)
  readonly #prefixLength: number
  readonly #seed2: number

  /**
   * @param purpose what the number is for (`split`, `sample`): two purposes give independent numbers per key.
   * @param seed unsigned 32-bit seed.
   */
  constructor(
    purpose: string,
    private readonly seed: number,
  ) {
    const prefix = new TextEncoder().encode(`${purpose}:`)
    this.#scratch.set(prefix)
    this.#prefixLength = prefix.length
    this.#seed2 = (seed ^ SECOND_SEED_MIX) >>> 0
  }

  /** The number of one key text (`null` = a NULL key). */
  text(key: string | null): number {
    return key === null ? this.#hash(this.#prefixLength - 1) : this.#hash(this.#putText(key))
  }

  /** The numbers of every row of a column. */
  column(data: Data, field: Field): Float64Array {
    if (DataType.isUtf8(data.type)) return this.#utf8(data as Data<Utf8>)
    const texts = keyTexts(data, field)
    const bitmap = validityOf(data)
    const out = new Float64Array(data.length)
    for (let i = 0; i < data.length; i++) {
      const valid = bitmap === null || isValid(bitmap, data.offset + i)
      out[i] = valid ? this.#hash(this.#putText(texts[i] as string)) : this.#hash(this.#prefixLength - 1)
    }
    return out
  }

  /** The numbers of row ordinals `first` … `first + count - 1` (key text: the ordinal in decimal). */
  ordinals(first: number, count: number): Float64Array {
    const out = new Float64Array(count)
    for (let i = 0; i < count; i++) out[i] = this.#hash(this.#putText(String(first + i)))
    return out
  }

  #utf8(data: Data<Utf8>): Float64Array {
    const offsets = data.valueOffsets
    const values = data.values
    const bitmap = validityOf(data)
    const out = new Float64Array(data.length)
    const at = this.#prefixLength
    for (let i = 0; i < data.length; i++) {
      if (bitmap !== null && !isValid(bitmap, data.offset + i)) {
        out[i] = this.#hash(at - 1)
        continue
      }
      const from = offsets[i] as number
      const length = (offsets[i + 1] as number) - from
      this.#reserve(at + length)
      const scratch = this.#scratch
      for (let k = 0; k < length; k++) scratch[at + k] = values[from + k] as number
      out[i] = this.#hash(at + length)
    }
    return out
  }

  /** Writes `text` as UTF-8 after the prefix; answers the input length. */
  #putText(text: string): number {
    const at = this.#prefixLength
    this.#reserve(at + 3 * text.length)
    const scratch = this.#scratch
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k)
      if (code >= 0x80) return at + new TextEncoder().encodeInto(text, scratch.subarray(at)).written
      scratch[at + k] = code
    }
    return at + text.length
  }

  #reserve(length: number): void {
    if (length <= this.#scratch.length) return
    const grown = new Uint8Array(Math.max(length, this.#scratch.length * 2))
    grown.set(this.#scratch.subarray(0, this.#prefixLength))
    this.#scratch = grown
  }

  /** The unit number of `scratch[0, length)`; `length = prefix - 1` drops the colon (NULL keys). */
  #hash(length: number): number {
    const h1 = murmur3(this.#scratch, 0, length, this.seed)
    const h2 = murmur3(this.#scratch, 0, length, this.#seed2)
    return (h1 * TWO_POW_21 + (h2 >>> 11)) / TWO_POW_53
  }
}

/** Key text of each row of a non-text column (NULL rows answer ''; callers check validity). */
function keyTexts(data: Data, field: Field): string[] {
  return formatColumn(data, field, DataType.isList(data.type) ? 'json' : 'csv')
}
