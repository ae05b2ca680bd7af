/**
 * A statement ready for the hub: SQL text with `$1…$n` placeholders and the values bound to them, in order.
 * Frozen; the one form of statement the executor accepts. Values are the
 * validated JSON values (strings, numbers, booleans, arrays of them); node-postgres sends them as text and
 * PostgreSQL parses them with the type of the column they are compared with.
 */
export interface CompiledQuery {
  readonly sql: string
  readonly parameters: readonly unknown[]
}

/** Freezes `sql` and a copy of `parameters` into a `CompiledQuery`. */
export function createCompiledQuery(sql: string, parameters: readonly unknown[]): CompiledQuery {
  return Object.freeze({ sql, parameters: Object.freeze([...parameters]) })
}
