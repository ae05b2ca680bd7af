import type { Data, RecordBatch } from 'apache-arrow'

/**
 * Bytes of Arrow buffers a RecordBatch holds: values, offsets, validity and type ids of every column and
 * child, counted by their views' lengths (what the grid keeps in memory for it). bytes.
 */
export function batchByteLength(batch: RecordBatch): number {
  return dataByteLength(batch.data)
}

function dataByteLength(data: Data): number {
  let bytes = 0
  for (const buffer of [data.values, data.valueOffsets, data.nullBitmap, data.typeIds] as (
    ArrayBufferView | undefined
  )[])
    bytes += buffer?.byteLength ?? 0
  for (const child of data.children) bytes += dataByteLength(child)
  if (data.dictionary !== undefined) for (const chunk of data.dictionary.data) bytes += dataByteLength(chunk)
  return bytes
}

/** Rows per second over `elapsedMs`; null before a rate means anything (under 50 ms). rows/s. */
export function rowsPerSecond(rows: number, elapsedMs: number): number | null {
  return elapsedMs < 50 ? null : (rows * 1000) / elapsedMs
}
