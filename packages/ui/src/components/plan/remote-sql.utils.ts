import { formatDialect, mysql, postgresql, transactsql } from 'sql-formatter'

/** A piece of SQL text for highlighting. */
export interface SqlToken {
  kind: 'keyword' | 'string' | 'number' | 'comment' | 'quoted' | 'param' | 'operator' | 'word' | 'space' | 'punct'
  text: string
}

const KEYWORDS = new Set(
  (
    'select from where and or not in is null like ilike between as on join inner left right full outer cross ' +
    'group by order having limit offset asc desc nulls first last distinct union all except intersect case when ' +
    'then else end exists any some array cast true false with recursive lateral using over partition filter ' +
    'window rows range fetch next only for update collate interval date time timestamp current_date ' +
    'current_timestamp escape similar to top'
  ).split(' '),
)

const PATTERNS: [SqlToken['kind'], RegExp][] = [
  ['space', /^\s+/],
  ['comment', /^(?:--[^\n]*|\/\*[\s\S]*?(?:\*\/|$))/],
  ['string', /^[eE]?'(?:[^']|'')*(?:'|$)/],
  ['quoted', /^(?:"(?:[^"]|"")*(?:"|$)|`[^`]*(?:`|$)|\[[^\]]*(?:\]|$))/],
  ['param', /^(?:\$\d+|\?)/],
  ['number', /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/],
  ['word', /^[A-Za-z_][A-Za-z0-9_$]*/],
  ['operator', /^(?:::|<>|!=|<=|>=|~~\*?|!~~\*?|[-+*/%<>=~!|&^@#])/],
]

/**
 * Splits SQL into tokens for highlighting (PostgreSQL, MySQL and T-SQL quoting): strings, quoted identifiers,
 * comments, `$n`/`?` parameters, numbers, key words (case-insensitive), other words, operators, punctuation.
 * Concatenating the tokens' text gives back the input.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = []
  let rest = sql
  while (rest.length > 0) {
    let matched: SqlToken | null = null
    for (const [kind, pattern] of PATTERNS) {
      const text = pattern.exec(rest)?.[0]
      if (text !== undefined && text !== '') {
        matched = { kind: kind === 'word' && KEYWORDS.has(text.toLowerCase()) ? 'keyword' : kind, text }
        break
      }
    }
    matched ??= { kind: 'punct', text: rest[0]! }
    const last = tokens.at(-1)
    if (matched.kind === 'punct' && last?.kind === 'punct') last.text += matched.text
    else tokens.push(matched)
    rest = rest.slice(matched.text.length)
  }
  return tokens
}

/**
 * The text a Foreign Scan sent, laid out for reading with `sql-formatter` in the source's dialect (postgres_fdw:
 * PostgreSQL; mysql_fdw: MySQL; tds_fdw: T-SQL), key words upper case. The text as sent when the formatter cannot
 * read it (an FDW's own syntax), so nothing is ever hidden.
 */
export function formatRemoteSql(sql: string, fdw: string | null): string {
  const dialect = fdw?.startsWith('mysql') ? mysql : fdw?.startsWith('tds') ? transactsql : postgresql
  try {
    return formatDialect(sql, { dialect, keywordCase: 'upper', tabWidth: 2, expressionWidth: 60 })
  } catch {
    return sql
  }
}
