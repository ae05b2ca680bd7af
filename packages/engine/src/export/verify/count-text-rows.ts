/** Counts the rows of a text file fed chunk by chunk. */
export interface RowCounter {
  add(chunk: Uint8Array): void
  rows(): number
}

const QUOTE = 0x22
const LF = 0x0a

/**
 * Rows of a CSV file as the CSV encoder writes it: records end with LF; an LF inside a quoted field is data.
 * Quotes toggle the state (a doubled `""` toggles twice), which is exact for RFC 4180 text. The header line,
 * when there is one, is not a row.
 */
export function csvRowCounter(header: boolean): RowCounter {
  let quoted = false
  let lines = 0
  return {
    add(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]
        if (byte === QUOTE) quoted = !quoted
        else if (byte === LF && !quoted) lines++
      }
    },
    rows: () => Math.max(0, lines - (header ? 1 : 0)),
  }
}

/** Rows of a JSON Lines file: its LF bytes (JSON escapes line breaks inside strings). */
export function lineCounter(): RowCounter {
  let lines = 0
  return {
    add(chunk) {
      for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) lines++
    },
    rows: () => lines,
  }
}
