import type { Data } from 'apache-arrow'

/**
 * Builds one Arrow column from binary COPY values. `append` reads one non-null value of `len` bytes at
 * `bytes[off]` (the same memory as `view`); `finish` hands the values over as Arrow `Data` and starts an empty
 * column with the same capacity, so the next batch allocates its buffers once.
 */
export interface ColumnBuilder {
  /** Values appended since the last `finish`. */
  readonly length: number
  append(bytes: Uint8Array, view: DataView, off: number, len: number): void
  appendNull(): void
  finish(): Data
}

/** Initial capacity of a new column (values); buffers double when full. */
export const INITIAL_CAPACITY = 1024
