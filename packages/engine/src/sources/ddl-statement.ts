import { isSecretOption } from './secret-options.js'
import { quoteIdent, quoteLiteral } from './sql-quote.js'

/** What one planned statement does. */
export type DdlAction =
  | 'create extension'
  | 'create server'
  | 'alter server'
  | 'drop server'
  | 'create user mapping'
  | 'alter user mapping'
  | 'drop user mapping'
  | 'create schema'
  | 'drop schema'
  | 'import foreign schema'
  | 'adjust types'
  | 'create foreign table'
  | 'create view'
  | 'create views'

/** One statement of a DDL plan. Frozen. */
export interface DdlStatement {
  readonly action: DdlAction
  /** The SQL sent to the hub; holds secret option values. Never log it. */
  readonly sql: string
  /** The same SQL with every secret value written as `'***'`, for logs and printed plans. */
  readonly display: string
}

/** A piece of SQL in its two renderings: real, and with secrets masked. */
export interface SqlPart {
  readonly sql: string
  readonly display: string
}

/** Verbatim SQL text (keywords, punctuation). */
export function raw(text: string): SqlPart {
  return { sql: text, display: text }
}

/** A quoted identifier. */
export function ident(name: string): SqlPart {
  return raw(quoteIdent(name))
}

/** A quoted literal; a secret one displays as `'***'`. */
export function literal(value: string, secret = false): SqlPart {
  return { sql: quoteLiteral(value), display: secret ? "'***'" : quoteLiteral(value) }
}

/** Concatenates parts (strings are verbatim SQL). */
export function concat(...parts: Array<SqlPart | string>): SqlPart {
  const list = parts.map((p) => (typeof p === 'string' ? raw(p) : p))
  return { sql: list.map((p) => p.sql).join(''), display: list.map((p) => p.display).join('') }
}

/** Joins parts with `separator`. */
export function join(parts: readonly SqlPart[], separator = ', '): SqlPart {
  return { sql: parts.map((p) => p.sql).join(separator), display: parts.map((p) => p.display).join(separator) }
}

/** `"name" 'value'`, masked when `name` is a secret option. */
export function option(name: string, value: string): SqlPart {
  return concat(ident(name), ' ', literal(value, isSecretOption(name)))
}

/** ` OPTIONS ("k" 'v', …)`, or nothing for no options. */
export function optionsClause(options: Readonly<Record<string, string>>): SqlPart {
  const entries = Object.entries(options)
  if (entries.length === 0) return raw('')
  return concat(' OPTIONS (', join(entries.map(([k, v]) => option(k, v))), ')')
}

/** Builds a frozen statement. */
export function statement(action: DdlAction, ...parts: Array<SqlPart | string>): DdlStatement {
  return Object.freeze({ action, ...concat(...parts) })
}
