/** One statement of the editor text: its trimmed text and where it is (offsets into the text, end excluded). */
export interface StatementSpan {
  start: number
  end: number
  text: string
}

const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/

/**
 * Splits SQL text into statements on `;` outside string literals (`'…'` with `''`, `E'…'` with backslash
 * escapes), quoted identifiers (`"…"`), comments (`-- …`, nested `/* … *\/`) and dollar-quoted bodies
 * (`$$…$$`, `$fn$…$fn$`; `$1` is a parameter, not a quote), as PostgreSQL's lexer reads them
 * (https://www.postgresql.org/docs/current/sql-syntax-lexical.html). Statements holding only blanks and comments
 * are left out; each span is trimmed and excludes its `;`.
 */
export function splitStatements(sql: string): StatementSpan[] {
  const spans: StatementSpan[] = []
  let start = 0
  let hasCode = false
  let i = 0
  const close = (end: number): void => {
    if (hasCode) spans.push(trimSpan(sql, start, end))
    start = end + 1
    hasCode = false
  }
  while (i < sql.length) {
    const ch = sql[i]!
    const next = sql[i + 1]
    if (ch === ';') {
      close(i)
      i += 1
    } else if (ch === '-' && next === '-') {
      i = skipLineComment(sql, i)
    } else if (ch === '/' && next === '*') {
      i = skipBlockComment(sql, i)
    } else if (/\s/.test(ch)) {
      i += 1
    } else {
      hasCode = true
      i = skipToken(sql, i)
    }
  }
  close(sql.length)
  return spans
}

/**
 * The statement the run shortcut takes at cursor `offset` (0-based, as Monaco's `getOffsetAt`): the one
 * containing it (its `;` included), else the last one before it (a cursor on the blank line after a
 * statement), else the first one after it; null when the text holds no statement.
 */
export function statementAt(sql: string, offset: number): StatementSpan | null {
  const spans = splitStatements(sql)
  const containing = spans.find((span) => offset >= span.start && offset <= span.end + (sql[span.end] === ';' ? 1 : 0))
  if (containing !== undefined) return containing
  const before = spans.filter((span) => span.end <= offset).at(-1)
  return before ?? spans[0] ?? null
}

/**
 * What a run sends from the editor: the selection when it holds more than blanks (trailing `;` removed), else the
 * statement at the cursor; '' when there is nothing to run.
 */
export function statementToRunAt(sql: string, selection: string, cursorOffset: number): string {
  if (selection.trim() !== '') return selection.trim().replace(/[\s;]+$/, '')
  return statementAt(sql, cursorOffset)?.text ?? ''
}

function trimSpan(sql: string, start: number, end: number): StatementSpan {
  let from = start
  let to = end
  while (from < to && /\s/.test(sql[from]!)) from += 1
  while (to > from && /\s/.test(sql[to - 1]!)) to -= 1
  return { start: from, end: to, text: sql.slice(from, to) }
}

function skipLineComment(sql: string, i: number): number {
  const end = sql.indexOf('\n', i)
  return end === -1 ? sql.length : end + 1
}

function skipBlockComment(sql: string, i: number): number {
  let depth = 0
  let j = i
  while (j < sql.length) {
    if (sql[j] === '/' && sql[j + 1] === '*') {
      depth += 1
      j += 2
    } else if (sql[j] === '*' && sql[j + 1] === '/') {
      depth -= 1
      j += 2
      if (depth === 0) return j
    } else {
      j += 1
    }
  }
  return sql.length
}

/** Skips one token that may hide a `;`: a quoted literal or identifier, a dollar-quoted body, or one character. */
function skipToken(sql: string, i: number): number {
  const ch = sql[i]!
  if (ch === "'") {
    const escaped = i > 0 && /[eE]/.test(sql[i - 1]!) && (i < 2 || !/[A-Za-z0-9_]/.test(sql[i - 2]!))
    return skipQuoted(sql, i, "'", escaped)
  }
  if (ch === '"') return skipQuoted(sql, i, '"', false)
  if (ch === '$' && (i === 0 || !/[A-Za-z0-9_]/.test(sql[i - 1]!))) {
    const tag = DOLLAR_TAG.exec(sql.slice(i, i + 64))?.[0]
    if (tag !== undefined) {
      const end = sql.indexOf(tag, i + tag.length)
      return end === -1 ? sql.length : end + tag.length
    }
  }
  return i + 1
}

function skipQuoted(sql: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1
  while (j < sql.length) {
    const ch = sql[j]
    if (backslashEscapes && ch === '\\') j += 2
    else if (ch === quote && sql[j + 1] === quote) j += 2
    else if (ch === quote) return j + 1
    else j += 1
  }
  return sql.length
}
