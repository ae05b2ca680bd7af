import type { TupleSink } from '../decode/copy-binary-decoder.js'

/**
 * A `TupleSink` for decoder tests: records each tuple's fields as strings in `encoding` (null for SQL null) and its
 * wire size, and stops once `stopAfter` tuples arrived.
 */
export class RecordingSink implements TupleSink {
  readonly tuples: (string | null)[][] = []
  /** Wire size of each tuple (bytes). */
  readonly sizes: number[] = []
  stopped = false

  constructor(
    private readonly encoding: 'hex' | 'utf8',
    private readonly stopAfter = Infinity,
  ) {}

  tuple(bytes: Uint8Array, _view: DataView, starts: Int32Array, lengths: Int32Array, size: number): void {
    const fields: (string | null)[] = []
    for (let i = 0; i < starts.length; i += 1) {
      const field = bytes.subarray(starts[i]!, starts[i]! + lengths[i]!)
      fields.push(lengths[i]! < 0 ? null : Buffer.from(field).toString(this.encoding))
    }
    this.tuples.push(fields)
    this.sizes.push(size)
    if (this.tuples.length >= this.stopAfter) this.stopped = true
  }
}
