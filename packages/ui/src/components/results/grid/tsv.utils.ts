/**
 * One TSV field as spreadsheets paste it: the text as is, or quoted with `"` (inner quotes doubled) when it
 * holds a tab, a line break or a quote — the convention of Excel and Google Sheets clipboards. NULL is empty.
 */
export function tsvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return ''
  return /[\t\n\r"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** Rows of cell texts as TSV lines joined by `\n` (no trailing newline); `header` becomes the first line. */
export function formatTsv(
  rows: readonly (readonly (string | null | undefined)[])[],
  header?: readonly string[],
): string {
  const lines = rows.map((row) => row.map(tsvField).join('\t'))
  if (header !== undefined) lines.unshift(header.map(tsvField).join('\t'))
  return lines.join('\n')
}
