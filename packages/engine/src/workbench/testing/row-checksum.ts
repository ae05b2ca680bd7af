import type { Table } from 'apache-arrow'

/** Row count and an order-independent checksum of a result, to compare a hub result with the source's. */
export interface ResultDigest {
  rows: number
  /** Sum over rows of FNV-1a (32-bit) of the row's values joined with `|` (null as `∅`), as a decimal string. */
  checksum: string
}

/** FNV-1a, 32-bit, of the UTF-8 bytes of `text`. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/** Digest of rows given as arrays of text (null = SQL null), in any order. */
export function digestRows(rows: Iterable<readonly (string | null)[]>): ResultDigest {
  let count = 0
  let sum = 0n
  for (const row of rows) {
    count += 1
    sum += BigInt(fnv1a(row.map((value) => value ?? '∅').join('|')))
  }
  return { rows: count, checksum: sum.toString() }
}

/**
 * The rows of an Arrow table as text, column by column in `columns` order: integers and strings as printed,
 * timestamps as their raw int64 (µs since the epoch), so they compare with `extract(epoch …) * 1e6` on a source,
 * dates as `YYYY-MM-DD`.
 */
export function* arrowRows(table: Table, columns: readonly string[]): Generator<(string | null)[]> {
  for (const batch of table.batches) {
    const vectors = columns.map((name) => {
      const vector = batch.getChild(name)
      if (vector === null) throw new Error(`the result has no column ${name}`)
      return vector
    })
    for (let i = 0; i < batch.numRows; i += 1) {
      yield vectors.map((vector) => {
        if (!vector.isValid(i)) return null
        const data = vector.data[0]!
        const type = String(vector.type)
        if (type.startsWith('Timestamp')) return String((data.values as BigInt64Array)[data.offset + i])
        if (type.startsWith('Date')) return new Date(Number(vector.get(i))).toISOString().slice(0, 10)
        return String(vector.get(i))
      })
    }
  }
}
