import type { RecordBatch } from 'apache-arrow'

/**
 * Bytes per row learnt from the parts sealed so far in one export (all splits), to cut the next parts near
 * their target size.
 */
export class SizeModel {
  #bytes = 0
  #rows = 0

  /** Records a sealed part. */
  observe(bytes: number, rows: number): void {
    this.#bytes += bytes
    this.#rows += rows
  }

  /** Bytes per row of the sealed parts; null before the first sealed part with rows. */
  get bytesPerRow(): number | null {
    return this.#rows === 0 ? null : this.#bytes / this.#rows
  }
}

/** Bytes per row of a batch in memory (Arrow buffers): an upper-bound guess for a compressed format. */
export function arrowBytesPerRow(batch: RecordBatch): number {
  return batch.numRows === 0 ? 0 : batch.data.byteLength / batch.numRows
}
