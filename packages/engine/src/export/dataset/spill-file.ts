import { createReadStream } from 'node:fs'
import {
  Field,
  Float64,
  RecordBatch,
  RecordBatchReader,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  makeData,
  type Data,
} from 'apache-arrow'
import { ChunkCollector } from '../arrow/chunk-collector.js'
import { AtomicFile } from '../atomic-file.js'

/** Name of the column holding each spilled row's unit number. */
const RANK_COLUMN = '__idw_rank'

/**
 * Rows put aside on disk with one number each, read back later in the same order: an Arrow IPC stream in a hidden
 * temporary file (`.<name>.<random>.partial`) that is never published, only discarded. Memory holds one batch.
 */
export class SpillFile {
  readonly #schema: Schema
  readonly #sink = new ChunkCollector()
  readonly #writer = new RecordBatchStreamWriter()
  #file: AtomicFile | undefined

  /** @param path where the spill would be named; the temporary file goes beside it. */
  constructor(
    private readonly path: string,
    schema: Schema,
  ) {
    this.#schema = new Schema([...schema.fields, new Field(RANK_COLUMN, new Float64(), false)])
  }

  /** Appends `batch`'s rows with `ranks[i]` for row i. @throws file system errors unchanged. */
  async append(batch: RecordBatch, ranks: Float64Array): Promise<void> {
    if (this.#file === undefined) {
      this.#file = await AtomicFile.create(this.path)
      this.#writer.reset(this.#sink, this.#schema)
    }
    const rank = makeData({ type: new Float64(), length: batch.numRows, nullCount: 0, data: ranks })
    const children = [...batch.data.children, rank]
    const length = batch.numRows
    this.#writer.write(
      new RecordBatch(
        this.#schema,
        makeData({ type: new Struct(this.#schema.fields), length, nullCount: 0, children }),
      ),
    )
    await this.#file.write(this.#sink.drain())
  }

  /** Ends the spill and yields its batches (the rank column still last) with their numbers. */
  async *readBack(): AsyncGenerator<{ batch: RecordBatch; ranks: Float64Array }> {
    const file = this.#file
    if (file === undefined) return
    this.#writer.finish()
    await file.write(this.#sink.drain())
    await file.flush()
    const reader = await RecordBatchReader.from(createReadStream(file.tempPath, { highWaterMark: 1 << 20 }))
    const rankIndex = this.#schema.fields.length - 1
    for await (const batch of reader) {
      yield { batch, ranks: (batch.data.children[rankIndex] as Data<Float64>).values }
    }
  }

  /** Removes the temporary file; never throws. */
  async discard(): Promise<void> {
    await this.#file?.discard()
  }
}
