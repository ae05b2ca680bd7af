import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { RecordBatchReader } from 'apache-arrow'
import { EngineError } from '../../api/contract/errors.js'
import type { FormatSettings } from '../format-settings.js'
import { countParquetRows } from '../parquet/count-parquet-rows.js'
import { csvRowCounter, lineCounter, type RowCounter } from './count-text-rows.js'

/** What reading a written file back found. */
export interface VerifiedFile {
  /** Data rows the file holds, counted from the file itself. */
  rows: number
  /** File size in bytes. */
  bytes: number
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string
}

const READ_CHUNK = 1 << 20

/**
 * Reads a written file back from disk: its SHA-256 and the rows it holds, then checks those rows against
 * `expectedRows`. Rows come from the file: CSV records outside quotes (minus the header), JSON Lines lines,
 * the Parquet footer, the Arrow file's record batches (read through its footer).
 * @throws EngineError `EXPORT_FAILED` (`detail.expectedRows`, `detail.fileRows`) when the counts differ;
 *   file system and reader errors unchanged.
 */
export async function verifyFile(
  filePath: string,
  settings: FormatSettings,
  expectedRows: number,
): Promise<VerifiedFile> {
  const counter =
    settings.format === 'csv' ? csvRowCounter(settings.header) : settings.format === 'jsonl' ? lineCounter() : null
  const { sha256, bytes } = await digestFile(filePath, counter)
  const rows =
    counter !== null
      ? counter.rows()
      : settings.format === 'parquet'
        ? await countParquetRows(filePath)
        : await countArrowRows(filePath)
  if (rows !== expectedRows) {
    throw new EngineError(
      'EXPORT_FAILED',
      `the written file holds ${rows} rows but ${expectedRows} were written to it, so the export was discarded`,
      { expectedRows, fileRows: rows },
    )
  }
  return { rows, bytes, sha256 }
}

/** SHA-256 and size of a file, read in 1 MiB chunks, each chunk also given to `counter`. */
async function digestFile(filePath: string, counter: RowCounter | null): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(filePath, { highWaterMark: READ_CHUNK })) {
    const data = chunk as Buffer
    hash.update(data)
    counter?.add(data)
    bytes += data.byteLength
  }
  return { sha256: hash.digest('hex'), bytes }
}

/** Rows of an Arrow IPC file, batch by batch through its footer (one batch in memory at a time). */
async function countArrowRows(filePath: string): Promise<number> {
  const handle = await open(filePath, 'r')
  try {
    const reader = await RecordBatchReader.from(handle)
    await reader.open()
    let rows = 0
    for await (const batch of reader) rows += batch.numRows
    return rows
  } finally {
    await handle.close()
  }
}
