import { EngineError } from '../api/contract/errors.js'
import { BinaryPortal } from './binary-portal.js'
import type { BatchAssembler, BatchLimits } from './decode/batch-assembler.js'
import { DataRowDecoder } from './decode/data-row-decoder.js'
import { DecodedQueryStream, type ReadProgress } from './decoded-query-stream.js'
import type { HubSession } from './hub-session.js'
import type { WireParameter } from './parameter-text.js'
import { canceledByUser } from './pg-errors.js'
import type { ColumnCodec } from './type-map.js'
import { wrapSelect, type WrappedSql } from './wrap-sql.js'

/**
 * The parameterized path of `openQueryStream`: the statement, wrapped like the COPY path (`wrapSelect`), runs as an
 * unnamed portal with bind parameters and a binary result format (`BinaryPortal`); each DataRow goes to the same
 * value decoders and Arrow column builders as binary COPY. Batching, the row cap, cancel and the client's release
 * are `DecodedQueryStream`'s: the statement is over once the portal handed pg the messages after the rows and pg
 * read ReadyForQuery.
 */
export class PortalQueryStream extends DecodedQueryStream {
  private portal: BinaryPortal | null = null

  constructor(
    session: HubSession,
    codecs: readonly ColumnCodec[],
    limits: BatchLimits,
    startedAt: number,
    private readonly values: readonly WireParameter[],
  ) {
    super(session, codecs, limits, startedAt)
  }

  protected wrap(sql: string, codecs: readonly ColumnCodec[], rowLimit: number | null): WrappedSql {
    return wrapSelect(sql, codecs, rowLimit)
  }

  protected async *readRows(text: string, assembler: BatchAssembler): AsyncGenerator<ReadProgress, void, undefined> {
    const decoder = new DataRowDecoder(this.codecs.length, assembler)
    const portal = new BinaryPortal(text, this.values)
    this.portal = portal
    this.session.client.query(portal)
    for (;;) {
      const rest = decoder.push(await portal.read())
      if (rest !== null) {
        await portal.finish(rest)
        yield 'idle'
        return
      }
      yield 'rows'
    }
  }

  protected interrupt(reason: 'abort' | 'close'): void {
    const err =
      reason === 'abort'
        ? canceledByUser()
        : new EngineError('QUERY_CANCELED', 'the query stream was closed', { reason: 'user' })
    this.portal?.abort(err)
  }
}
