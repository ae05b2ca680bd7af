import { openAsBlob } from 'node:fs'
import { tableFromIPC, type RecordBatch } from 'apache-arrow'
import { ParquetFile } from 'parquet-wasm'

/** Rows per Arrow RecordBatch read from a row group. */
const BATCH_ROWS = 65_536

/** A RecordBatch of a Parquet file with the position reached. */
export interface ParquetBatch {
  batch: RecordBatch
  rowGroup: number
  rowGroups: number
  /** Rows in the whole file. */
  totalRows: number
}

/**
 * Reads a Parquet file one row group at a time (parquet-wasm over a file-backed Blob, so memory holds one row
 * group, not the file) and yields its rows as apache-arrow RecordBatches of up to 65 536 rows.
 */
export async function* readParquetBatches(file: string): AsyncGenerator<ParquetBatch> {
  const parquet = await ParquetFile.fromFile(await openAsBlob(file))
  try {
    const meta = parquet.metadata()
    const rowGroups = meta.numRowGroups()
    const totalRows = meta.rowGroups().reduce((sum, g) => sum + g.numRows(), 0)
    for (let rowGroup = 0; rowGroup < rowGroups; rowGroup++) {
      const wasmTable = await parquet.read({ rowGroups: [rowGroup], batchSize: BATCH_ROWS })
      const table = tableFromIPC(wasmTable.intoIPCStream())
      for (const batch of table.batches) yield { batch, rowGroup, rowGroups, totalRows }
    }
  } finally {
    parquet.free()
  }
}
