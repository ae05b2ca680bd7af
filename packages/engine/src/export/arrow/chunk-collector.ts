import { AsyncByteQueue } from 'apache-arrow'

/** Collects what the IPC writer writes synchronously, so it can be written to the file as one chunk. */
export class ChunkCollector extends AsyncByteQueue {
  #chunks: Uint8Array[] = []
  #length = 0

  override write(value: ArrayBufferView | ArrayBufferLike | Iterable<number>): void {
    const chunk =
      value instanceof Uint8Array
        ? value
        : ArrayBuffer.isView(value)
          ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
          : new Uint8Array(value as ArrayBufferLike)
    this.#chunks.push(chunk)
    this.#length += chunk.byteLength
  }

  /** The bytes written since the last call, joined. */
  drain(): Uint8Array {
    const joined = new Uint8Array(this.#length)
    let at = 0
    for (const chunk of this.#chunks) {
      joined.set(chunk, at)
      at += chunk.byteLength
    }
    this.#chunks = []
    this.#length = 0
    return joined
  }
}
