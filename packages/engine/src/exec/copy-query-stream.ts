import type { BatchAssembler } from './decode/batch-assembler.js'
import { CopyBinaryDecoder } from './decode/copy-binary-decoder.js'
import { DecodedQueryStream, type ReadProgress } from './decoded-query-stream.js'
import { leanCopyTo, type LeanCopyTo } from './lean-copy-to.js'
import { canceledByUser } from './pg-errors.js'
import type { ColumnCodec } from './type-map.js'
import { wrapCopy, type WrappedSql } from './wrap-sql.js'

/**
 * The COPY path of `openQueryStream`: `COPY (…) TO STDOUT (FORMAT binary)` read with pg-copy-streams (CopyData
 * framed once per socket chunk by `leanCopyTo`, no Buffer per row) and decoded chunk by chunk into column buffers.
 * Batching, the row cap, cancel and the client's release are `DecodedQueryStream`'s: the COPY is over once
 * pg-copy-streams ends the stream.
 */
export class CopyQueryStream extends DecodedQueryStream {
  private copy: LeanCopyTo | null = null

  protected wrap(sql: string, codecs: readonly ColumnCodec[], rowLimit: number | null): WrappedSql {
    return wrapCopy(sql, codecs, rowLimit)
  }

  protected async *readRows(text: string, assembler: BatchAssembler): AsyncGenerator<ReadProgress, void, undefined> {
    const decoder = new CopyBinaryDecoder(this.codecs.length, assembler)
    const copy = this.session.client.query(leanCopyTo(text))
    // pg reports a connection closed under the COPY on the stream, possibly after the loop let go of it.
    copy.on('error', () => undefined)
    this.copy = copy
    for await (const chunk of copy) {
      decoder.push(chunk as Buffer)
      yield 'rows'
    }
    yield 'idle'
    decoder.end()
  }

  protected interrupt(reason: 'abort' | 'close'): void {
    this.copy?.destroy(reason === 'abort' ? canceledByUser() : undefined)
  }
}
