import { AsyncByteQueue, RecordBatchStreamWriter, util } from 'apache-arrow'
import type { QueryStream } from './query-stream.types.js'

/** Called once per IPC message yielded: rows it carries (0 for the schema and end-of-stream) and its bytes. */
export type IpcProgress = (rows: number, bytes: number) => void

/** Collects what the writer writes synchronously, so each message can be yielded as one chunk. */
class MessageCollector extends AsyncByteQueue {
  private chunks: Uint8Array[] = []
  private byteLength = 0

  override write(value: Parameters<AsyncByteQueue['write']>[0]): void {
    const chunk = util.toUint8Array(value) as Uint8Array
    this.chunks.push(chunk)
    this.byteLength += chunk.byteLength
  }

  /** The bytes written since the last call, joined. */
  drain(): Uint8Array {
    const joined = new Uint8Array(this.byteLength)
    let at = 0
    for (const chunk of this.chunks) {
      joined.set(chunk, at)
      at += chunk.byteLength
    }
    this.chunks = []
    this.byteLength = 0
    return joined
  }
}

/**
 * Encodes a query stream in the Arrow IPC *stream* format (`application/vnd.apache.arrow.stream`,
 * https://arrow.apache.org/docs/format/Columnar.html#ipc-streaming-format): the schema message first, then one
 * chunk per RecordBatch, then the end-of-stream marker. `onProgress` sees each chunk's rows and bytes, so a caller
 * can count bytes sent. Leaving the loop early stops the query (through `batches()`), but does not `close()` it.
 * @throws what `stream.batches()` throws.
 */
export async function* encodeArrowIpcStream(stream: QueryStream, onProgress?: IpcProgress): AsyncGenerator<Uint8Array> {
  const sink = new MessageCollector()
  const writer = new RecordBatchStreamWriter()
  writer.reset(sink, stream.schema)
  yield report(sink.drain(), 0, onProgress)
  for await (const batch of stream.batches()) {
    writer.write(batch)
    yield report(sink.drain(), batch.numRows, onProgress)
  }
  writer.finish()
  yield report(sink.drain(), 0, onProgress)
}

function report(bytes: Uint8Array, rows: number, onProgress: IpcProgress | undefined): Uint8Array {
  onProgress?.(rows, bytes.byteLength)
  return bytes
}
