import { Buffer, isAscii } from 'node:buffer'
import type { Binary, Data, Utf8 } from 'apache-arrow'
import { isValid, nullText, validityOf, type TextMode } from './column-data.js'
import { hasEdgeBlank, needsQuotes, quote } from './csv-quote.js'

/** Bytes that force CSV quoting: `"` `,` CR LF. */
const SPECIAL_BYTES = [0x22, 0x2c, 0x0d, 0x0a]

/**
 * Text values. `csv`: quoted when needed, the empty string as `""`. `json`: JSON strings. `rawJson` keeps
 * the text as it is inside JSON (a `json`/`jsonb` value in a list).
 *
 * The batch's bytes are scanned once: pure ASCII is decoded in one call and cut per value (V8 keeps the cuts
 * as slices), and when no byte needs quoting the per-value check is skipped.
 */
export function formatStrings(data: Data<Utf8>, mode: TextMode, rawJson: boolean): string[] {
  const offsets = data.valueOffsets
  const bytes = toBuffer(data.values)
  const start = offsets[0] ?? 0
  const end = offsets[data.length] ?? start
  const used = bytes.subarray(start, end)
  const whole = isAscii(used) ? bytes.toString('latin1', start, end) : null
  const special = whole === null || SPECIAL_BYTES.some((byte) => used.includes(byte))
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  for (let i = 0; i < data.length; i++) {
    if (bitmap !== null && !isValid(bitmap, data.offset + i)) {
      out[i] = empty
      continue
    }
    const from = offsets[i] ?? 0
    const to = offsets[i + 1] ?? from
    const text = whole !== null ? whole.substring(from - start, to - start) : bytes.toString('utf8', from, to)
    if (mode === 'json') out[i] = rawJson ? text : JSON.stringify(text)
    else if (text.length === 0) out[i] = '""'
    else out[i] = (special ? needsQuotes(text) : hasEdgeBlank(text)) ? quote(text) : text
  }
  return out
}

/** bytea values as PostgreSQL's hex output, `\x` followed by lower-case hex (a JSON string inside lists). */
export function formatBinary(data: Data<Binary>, mode: TextMode): string[] {
  const offsets = data.valueOffsets
  const start = offsets[0] ?? 0
  const hex = toBuffer(data.values).toString('hex', start, offsets[data.length] ?? start)
  const prefix = mode === 'json' ? '"\\\\x' : '\\x'
  const suffix = mode === 'json' ? '"' : ''
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  for (let i = 0; i < data.length; i++) {
    out[i] =
      bitmap !== null && !isValid(bitmap, data.offset + i)
        ? empty
        : prefix + hex.substring(2 * ((offsets[i] ?? 0) - start), 2 * ((offsets[i + 1] ?? 0) - start)) + suffix
  }
  return out
}

/** A Buffer over the same memory as `bytes` (no copy). */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
