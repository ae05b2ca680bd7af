import { Message, RecordBatch, RecordBatchFileWriter, type Schema } from 'apache-arrow'
import type { AtomicFile } from '../atomic-file.js'
import { assertBatchMatchesSchema } from '../batch-shape.js'
import { ChunkCollector } from './chunk-collector.js'
import type { BatchEncoder } from '../encoder.js'

/**
 * Arrow JS's file writer starts the file with the magic and padding only; the format
 * (https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format) puts a whole IPC stream after them, schema
 * message first, as pyarrow writes it. Writing that message too lets stream readers read the file past its first
 * 8 bytes; the footer's block offsets stay right because every byte goes through `_write`.
 */
class ArrowFileWriter extends RecordBatchFileWriter {
  protected override _writeSchema(schema: Schema): this {
    this._writeMagic()._writePadding(2)
    return this._writeMessage(Message.from(schema))
  }
}

/**
 * Writes a result as an Arrow IPC *file* (`.arrow`, Feather v2): magic, the schema message, one record batch
 * message per batch, the end-of-stream marker, then the footer (schema and batch offsets) and the magic again.
 * Types and field metadata (`idw:pg_type`, `ARROW:extension:name`) are exactly the result's: pyarrow reads it
 * with `pa.ipc.open_file(path)` / `pa.feather.read_table(path)`, pandas with `pd.read_feather(path)`. Memory
 * holds one batch's IPC bytes.
 */
export class ArrowEncoder implements BatchEncoder {
  #rows = 0
  readonly #sink = new ChunkCollector()
  readonly #writer = new ArrowFileWriter()

  private constructor(
    private readonly schema: Schema,
    private readonly file: AtomicFile,
  ) {}

  /** Starts the file (magic and schema). @throws file system errors unchanged. */
  static async open(schema: Schema, file: AtomicFile): Promise<ArrowEncoder> {
    const encoder = new ArrowEncoder(schema, file)
    encoder.#writer.reset(encoder.#sink, schema)
    await file.write(encoder.#sink.drain())
    return encoder
  }

  get rows(): number {
    return this.#rows
  }

  async write(batch: RecordBatch): Promise<void> {
    assertBatchMatchesSchema(this.schema, batch)
    this.#writer.write(new RecordBatch(this.schema, batch.data))
    await this.file.write(this.#sink.drain())
    this.#rows += batch.numRows
  }

  async finish(): Promise<void> {
    this.#writer.finish()
    await this.file.write(this.#sink.drain())
    await this.file.flush()
  }

  async abort(): Promise<void> {}
}
