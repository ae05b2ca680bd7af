/**
 * The start of a message (a COPY tuple, a backend message) that a chunk of socket bytes cut short, kept until the
 * next chunks complete it. Chunks are joined only once enough bytes for the missing part have arrived, so a 1 GB
 * value costs one copy, not one per chunk.
 */
export class ChunkCarry {
  private chunks: Uint8Array[] = []
  private keptBytes = 0
  private need = 0

  /** Bytes kept (0 when the last chunk ended on a message boundary). */
  get kept(): number {
    return this.keptBytes
  }

  /**
   * The bytes to parse now: `chunk` itself when nothing was kept, else what was kept followed by `chunk`, in one
   * array; null (and `chunk` kept too) while the needed bytes have not all arrived.
   */
  next(chunk: Uint8Array): Uint8Array | null {
    if (this.keptBytes === 0) return chunk
    this.chunks.push(chunk)
    this.keptBytes += chunk.length
    if (this.keptBytes < this.need) return null
    const joined = joinChunks(this.chunks, this.keptBytes)
    this.chunks = []
    this.keptBytes = 0
    return joined
  }

  /** Keeps `bytes[from…]` until at least `need` bytes (counted from `from`) are available. */
  keep(bytes: Uint8Array, from: number, need: number): void {
    this.chunks = [bytes.subarray(from)]
    this.keptBytes = bytes.length - from
    this.need = need
  }
}

/** Copies `chunks` (of `byteLength` bytes in all) into one array. */
function joinChunks(chunks: readonly Uint8Array[], byteLength: number): Uint8Array {
  const joined = new Uint8Array(byteLength)
  let at = 0
  for (const chunk of chunks) {
    joined.set(chunk, at)
    at += chunk.length
  }
  return joined
}
