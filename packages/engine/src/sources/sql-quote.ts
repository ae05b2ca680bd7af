/**
 * Quotes an SQL identifier (schema, table, column, server, option name): always double-quoted, inner `"`
 * doubled — the same rule as pg's `escapeIdentifier`, so case and reserved words survive.
 * @throws Error when `name` is empty or contains a NUL character, which PostgreSQL cannot store.
 */
export function quoteIdent(name: string): string {
  if (name === '' || name.includes('\0')) throw new Error(`invalid SQL identifier ${JSON.stringify(name)}`)
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * Quotes a string literal: single-quoted, inner `'` doubled; a value holding a backslash is written as an
 * `E'…'` literal with backslashes doubled, so it reads the same whatever `standard_conforming_strings` is
 * (pg's `escapeLiteral` rule).
 * @throws Error when `value` contains a NUL character.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('an SQL literal cannot contain a NUL character')
  const quoted = `'${value.replaceAll("'", "''")}'`
  return value.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted
}

/** `"schema"."name"`. */
export function quoteQualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`
}
