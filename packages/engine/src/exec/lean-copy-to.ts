import { Buffer } from 'node:buffer'
import { to as copyTo, type CopyToStreamQuery } from 'pg-copy-streams'

/** Message types that may arrive inside a COPY OUT without ending it (protocol-flow.html#PROTOCOL-COPY). */
const KEEP_GOING = new Set([0x48, 0x64, 0x53, 0x4e, 0x41]) // CopyOutResponse, CopyData, ParameterStatus, Notice, Notification
const COPY_DATA = 0x64
const ERROR_RESPONSE = 0x45

/** The pg-copy-streams 7 internals `leanParse` works with (`copy-to.js`). */
interface CopyToInternals {
  _buffer: { push(chunk: Buffer): void }
  _detach(): void
  _cleanup(): void
  push(chunk: Buffer | null): boolean
  handleCommandComplete(message: unknown): void
  handleError(error: unknown): void
}

/** A COPY TO stream that frames CopyData itself and counts the CopyData messages it saw. */
export interface LeanCopyTo extends CopyToStreamQuery {
  /** CopyData messages so far: with text or CSV COPY one per row (plus one for a HEADER line). */
  readonly messages: number
  /**
   * Resolves once pg read the COPY's CommandComplete (so `rowCount` holds the command tag's row count), which may
   * come after the stream's end; rejects with the error pg reported instead.
   */
  readonly completed: Promise<void>
}

interface LeanState {
  messages: number
  code: number
  remaining: number
  left: Buffer | null
}

/**
 * `COPY … TO STDOUT` read with pg-copy-streams, whose per-message parser (`_parse`) is replaced by one that copies
 * the CopyData bodies of each socket chunk into one Buffer: pg-copy-streams 7 cuts every message into its own Buffer
 * (one object per row, 18–48 % of a stream's CPU in docs/performance.md), this scans a chunk once. The hand-over
 * back to pg (ErrorResponse, CommandComplete) stays pg-copy-streams' own `_detach`, so errors, `rowCount` (from
 * the COPY command tag) and the connection's next statement behave as before.
 */
export function leanCopyTo(text: string): LeanCopyTo {
  const copy = copyTo(text) as LeanCopyTo & CopyToInternals
  const state: LeanState = { messages: 0, code: 0, remaining: 0, left: null }
  Object.defineProperty(copy, 'messages', { get: () => state.messages })
  const handleCommandComplete = copy.handleCommandComplete.bind(copy)
  const handleError = copy.handleError.bind(copy)
  const completed = new Promise<void>((resolve, reject) => {
    copy.handleCommandComplete = (message) => {
      handleCommandComplete(message)
      resolve()
    }
    copy.handleError = (error) => {
      reject(error instanceof Error ? error : new Error(String(error)))
      handleError(error)
    }
  })
  completed.catch(() => undefined)
  Object.defineProperty(copy, 'completed', { value: completed })
  Object.assign(copy, { _parse: (chunk: Buffer): boolean => leanParse(copy, state, chunk) })
  return copy
}

function leanParse(copy: CopyToInternals, state: LeanState, incoming: Buffer): boolean {
  let chunk = incoming
  if (state.left !== null) {
    chunk = Buffer.concat([state.left, incoming])
    state.left = null
  }
  const out = Buffer.allocUnsafe(chunk.length)
  let written = 0
  let at = 0
  let done = false
  let failed = false
  const end = chunk.length
  while (at < end) {
    if (state.remaining > 0) {
      const take = Math.min(state.remaining, end - at)
      if (state.code === COPY_DATA) written += chunk.copy(out, written, at, at + take)
      at += take
      state.remaining -= take
      if (state.remaining === 0 && !KEEP_GOING.has(state.code)) {
        done = true
        break
      }
      continue
    }
    if (chunk[at] === ERROR_RESPONSE) {
      failed = true
      break
    }
    if (end - at < 5) {
      state.left = chunk.subarray(at)
      at = end
      break
    }
    state.code = chunk[at] as number
    state.remaining = chunk.readUInt32BE(at + 1) - 4
    if (state.code === COPY_DATA) state.messages += 1
    at += 5
    if (state.remaining === 0 && !KEEP_GOING.has(state.code)) {
      done = true
      break
    }
  }
  const drained = written > 0 ? copy.push(out.subarray(0, written)) : true
  if (failed || done) {
    // As pg-copy-streams: pg parses the rest; after an error the stream reads no more from the socket.
    if (at < end) copy._buffer.push(chunk.subarray(at))
    copy._detach()
    if (done) {
      copy.push(null)
      copy._cleanup()
    }
  }
  return drained && !failed
}
