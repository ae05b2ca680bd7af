/**
 * A growable Arrow validity bitmap (bit set = valid, LSB first). It starts with every bit set and is allocated at
 * the first null, so columns without nulls cost nothing per value.
 */
export class Validity {
  private bits: Uint8Array | null = null
  /** Nulls appended since the last `take`. */
  nullCount = 0

  /** Marks value `index` null. */
  setNull(index: number): void {
    const byte = index >> 3
    if (this.bits === null || byte >= this.bits.length) this.grow(byte + 1)
    this.bits![byte]! &= ~(1 << (index & 7))
    this.nullCount += 1
  }

  /** Returns the bitmap of the first `length` values (undefined when none is null) and starts over. */
  take(length: number): { nullBitmap: Uint8Array | undefined; nullCount: number } {
    const { bits, nullCount } = this
    this.nullCount = 0
    if (bits === null || nullCount === 0) return { nullBitmap: undefined, nullCount: 0 }
    this.bits = null
    const byteLength = (length + 7) >> 3
    const nullBitmap = byteLength <= bits.length ? bits.subarray(0, byteLength) : grown(bits, byteLength)
    if ((length & 7) !== 0) nullBitmap[byteLength - 1]! &= (1 << (length & 7)) - 1
    return { nullBitmap, nullCount }
  }

  private grow(minBytes: number): void {
    this.bits = grown(this.bits ?? new Uint8Array(0), Math.max(minBytes, 2 * (this.bits?.length ?? 32)))
  }
}

function grown(bits: Uint8Array, byteLength: number): Uint8Array {
  const next = new Uint8Array(byteLength).fill(0xff)
  next.set(bits)
  return next
}
