/** Where the grid's row cap setting is remembered (`localStorage`): a whole number of rows, or `none`. */
const ROW_CAP_KEY = 'idw.grid.rowCap'

/** The remembered row cap: a positive whole number of rows, else null (no cap, the default). */
export function readRowCap(): number | null {
  let stored: string | null
  try {
    stored = globalThis.localStorage?.getItem(ROW_CAP_KEY) ?? null
  } catch {
    return null
  }
  const value = Number(stored)
  return stored !== null && Number.isSafeInteger(value) && value > 0 ? value : null
}

/** Remembers the row cap; storage that is full or disabled (private windows) keeps it for this page only. */
export function writeRowCap(rowCap: number | null): void {
  try {
    globalThis.localStorage?.setItem(ROW_CAP_KEY, rowCap === null ? 'none' : String(rowCap))
  } catch {
    return
  }
}
