const C1 = 0xcc9e2d51
const C2 = 0x1b873593

/**
 * MurmurHash3 x86 32-bit (Austin Appleby's public-domain reference, `MurmurHash3_x86_32`) of
 * `bytes[start, start + length)` with a 32-bit `seed`; answers an unsigned 32-bit integer. Python gives the same
 * value with `mmh3.hash(data, seed, signed=False)`.
 */
export function murmur3(bytes: Uint8Array, start: number, length: number, seed: number): number {
  let h = seed | 0
  const blocksEnd = start + (length & ~3)
  let i = start
  for (; i < blocksEnd; i += 4) {
    let k =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24)
    k = Math.imul(k, C1)
    k = (k << 15) | (k >>> 17)
    k = Math.imul(k, C2)
    h ^= k
    h = (h << 13) | (h >>> 19)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  const tail = length & 3
  if (tail > 0) {
    let k = 0
    if (tail === 3) k ^= (bytes[i + 2] as number) << 16
    if (tail >= 2) k ^= (bytes[i + 1] as number) << 8
    k ^= bytes[i] as number
    k = Math.imul(k, C1)
    k = (k << 15) | (k >>> 17)
    k = Math.imul(k, C2)
    h ^= k
  }
  h ^= length
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
