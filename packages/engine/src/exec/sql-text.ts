import { EngineError } from '../api/contract/errors.js'

const SEMICOLON = 0x3b
const SINGLE_QUOTE = 0x27
const DOUBLE_QUOTE = 0x22
const DOLLAR = 0x24
const BACKSLASH = 0x5c
const DASH = 0x2d
const SLASH = 0x2f
const STAR = 0x2a

/**
 * Returns the one statement held by `sql`, without its trailing `;`, whitespace and comments, so it can be wrapped
 * in a subquery (`SELECT * FROM (<sql>\n) AS q`). Leading text is kept, so character positions reported by
 * PostgreSQL for the returned text are positions in `sql` too.
 *
 * The scan follows PostgreSQL's lexer (https://www.postgresql.org/docs/current/sql-syntax-lexical.html): `'…'`
 * strings (`''` escapes), `E'…'` strings (backslash escapes), `"…"` identifiers, `$tag$…$tag$` dollar quotes,
 * `--` and nested block comments. It assumes `standard_conforming_strings = on` (the default since 9.1); the hub
 * re-checks with the extended protocol, which refuses more than one command.
 * @throws EngineError `BAD_INPUT` when `sql` holds no statement, or more than one (`detail.position`: 1-based
 *   character position of the second statement).
 */
export function prepareStatementText(sql: string): string {
  let i = 0
  let end = 0
  let semicolonAt = -1
  while (i < sql.length) {
    const c = sql.charCodeAt(i)
    if (c === DASH && sql.charCodeAt(i + 1) === DASH) {
      i = skipLineComment(sql, i)
    } else if (c === SLASH && sql.charCodeAt(i + 1) === STAR) {
      i = skipBlockComment(sql, i)
    } else if (isSpace(c)) {
      i += 1
    } else if (semicolonAt >= 0 && c !== SEMICOLON) {
      throw new EngineError('BAD_INPUT', 'sql holds more than one statement; run one statement at a time', {
        position: characterLength(sql.slice(0, i)) + 1,
      })
    } else if (c === SEMICOLON) {
      semicolonAt = i
      i += 1
    } else {
      i = skipToken(sql, i)
      end = i
    }
  }
  if (end === 0) throw new EngineError('BAD_INPUT', 'sql holds no statement (only whitespace, comments or ";")')
  return sql.slice(0, end)
}

/** Quotes an SQL identifier the way `quote_ident` does when quoting is needed: `"` around, inner `"` doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Number of characters (Unicode code points) of `text`, the unit of PostgreSQL's error positions. */
export function characterLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i)
    if (c < 0xdc00 || c > 0xdfff) n += 1
  }
  return n
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d)
}

function isIdentifierChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    c === DOLLAR ||
    c >= 0x80
  )
}

function skipLineComment(sql: string, start: number): number {
  const eol = sql.indexOf('\n', start)
  return eol < 0 ? sql.length : eol + 1
}

function skipBlockComment(sql: string, start: number): number {
  let depth = 0
  let i = start
  while (i < sql.length) {
    if (sql.charCodeAt(i) === SLASH && sql.charCodeAt(i + 1) === STAR) {
      depth += 1
      i += 2
    } else if (sql.charCodeAt(i) === STAR && sql.charCodeAt(i + 1) === SLASH) {
      depth -= 1
      i += 2
      if (depth === 0) return i
    } else {
      i += 1
    }
  }
  return sql.length
}

/** Skips one significant token (a quoted literal as a whole, any other character alone); returns the next index. */
function skipToken(sql: string, start: number): number {
  const c = sql.charCodeAt(start)
  if (c === SINGLE_QUOTE) return skipQuoted(sql, start, SINGLE_QUOTE, isEscapeStringStart(sql, start))
  if (c === DOUBLE_QUOTE) return skipQuoted(sql, start, DOUBLE_QUOTE, false)
  if (c === DOLLAR && (start === 0 || !isIdentifierChar(sql.charCodeAt(start - 1)))) {
    const tag = /^\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(start, start + 200))
    if (tag) {
      const close = sql.indexOf(tag[0], start + tag[0].length)
      return close < 0 ? sql.length : close + tag[0].length
    }
  }
  return start + 1
}

/** True when the quote at `quoteAt` opens an `E'…'` string: preceded by a lone `E`/`e` that is not inside a word. */
function isEscapeStringStart(sql: string, quoteAt: number): boolean {
  const prev = sql.charCodeAt(quoteAt - 1)
  if (prev !== 0x45 && prev !== 0x65) return false
  return quoteAt < 2 || !isIdentifierChar(sql.charCodeAt(quoteAt - 2))
}

function skipQuoted(sql: string, start: number, quote: number, backslashEscapes: boolean): number {
  let i = start + 1
  while (i < sql.length) {
    const c = sql.charCodeAt(i)
    if (backslashEscapes && c === BACKSLASH) {
      i += 2
    } else if (c === quote) {
      if (sql.charCodeAt(i + 1) !== quote) return i + 1
      i += 2
    } else {
      i += 1
    }
  }
  return sql.length
}
