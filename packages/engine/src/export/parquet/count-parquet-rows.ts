import { openAsBlob } from 'node:fs'
import { ParquetFile } from 'parquet-wasm'

/**
 * The row count a Parquet file's footer declares, read from the footer only (the file is opened as a Blob and
 * parquet-wasm reads just its tail).
 * @throws the parquet-wasm error when the file has no valid footer.
 */
export async function countParquetRows(path: string): Promise<number> {
  const file = await ParquetFile.fromFile(await openAsBlob(path))
  try {
    const metadata = file.metadata()
    const fileMetadata = metadata.fileMetadata()
    const rows = fileMetadata.numRows()
    fileMetadata.free()
    metadata.free()
    return rows
  } finally {
    file.free()
  }
}
