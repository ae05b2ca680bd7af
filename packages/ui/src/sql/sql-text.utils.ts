/**
 * PostgreSQL's reserved key words (https://www.postgresql.org/docs/current/sql-keywords-appendix.html, the
 * "reserved" and "reserved (can be function or type)" entries): an identifier spelled like one must be quoted.
 */
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate ' +
    'collation column concurrently constraint create cross current_catalog current_date current_role ' +
    'current_schema current_time current_timestamp current_user default deferrable desc distinct do else end ' +
    'except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into ' +
    'is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on ' +
    'only or order outer overlaps placing primary references returning right select session_user similar some ' +
    'symmetric system_user table tablesample then to trailing true union unique user using variadic verbose ' +
    'when where window with'
  ).split(' '),
)

/**
 * Quotes a PostgreSQL identifier only when it needs it: anything but a lower-case name of letters, digits,
 * `_` and `$` not starting with a digit, and every reserved key word. Embedded `"` are doubled.
 */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name)) return name
  return `"${name.replaceAll('"', '""')}"`
}

/** The statement a double-click on a catalog table inserts: its first 1 000 rows. */
export function selectStarSql(schema: string, table: string): string {
  return `SELECT * FROM ${quoteIdent(schema)}.${quoteIdent(table)} LIMIT 1000;`
}

/**
 * What to put before a statement appended at the end of `documentText` so that it starts on its own line
 * after one blank line: nothing for an empty document.
 */
export function separatorBefore(documentText: string): string {
  if (documentText.trim() === '') return ''
  if (documentText.endsWith('\n\n')) return ''
  return documentText.endsWith('\n') ? '\n' : '\n\n'
}

/** Line (1-based), column (1-based) and the line's text of a 1-based character `position` in `sql`. */
export function locatePosition(sql: string, position: number): { line: number; column: number; lineText: string } {
  const index = Math.min(Math.max(position - 1, 0), sql.length)
  const before = sql.slice(0, index)
  const lineStart = before.lastIndexOf('\n') + 1
  const lineEnd = sql.indexOf('\n', index)
  return {
    line: before.split('\n').length,
    column: index - lineStart + 1,
    lineText: sql.slice(lineStart, lineEnd === -1 ? sql.length : lineEnd),
  }
}
