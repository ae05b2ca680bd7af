import { describe, expect, it } from 'vitest'
import { splitStatements, statementAt, statementToRunAt } from './statement-at-cursor.utils'

const texts = (sql: string): string[] => splitStatements(sql).map((span) => span.text)

describe('splitStatements', () => {
  it('splits on semicolons and trims each statement, leaving out empty ones', () => {
    expect(texts('SELECT 1;\n\n  SELECT 2 ;;\nSELECT 3')).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3'])
  })

  it('keeps semicolons inside strings, quoted identifiers and comments', () => {
    const sql = `SELECT 'a;b', "x;y" FROM t -- c;d\nWHERE s = 'it''s;' /* e; /* nested; */ f; */ ;SELECT 2`
    expect(texts(sql)).toEqual([
      `SELECT 'a;b', "x;y" FROM t -- c;d\nWHERE s = 'it''s;' /* e; /* nested; */ f; */`,
      'SELECT 2',
    ])
  })

  it('reads E strings with backslash escapes and dollar-quoted bodies, but not $1 parameters', () => {
    const sql = "SELECT E'a\\';b';SELECT $$x;y$$, $fn$ ; $$ ; $fn$;SELECT $1;SELECT 4"
    expect(texts(sql)).toEqual(["SELECT E'a\\';b'", 'SELECT $$x;y$$, $fn$ ; $$ ; $fn$', 'SELECT $1', 'SELECT 4'])
  })

  it('does not take a word ending in e before a quote for an E string', () => {
    expect(texts("SELECT name'x\\';SELECT 2")).toEqual(["SELECT name'x\\'", 'SELECT 2'])
  })

  it('leaves out comment-only statements and reports offsets into the text', () => {
    const sql = '-- only a comment;\n;\n  SELECT 1;'
    expect(splitStatements(sql)).toEqual([{ start: 23, end: 31, text: 'SELECT 1' }])
  })

  it('runs to the end of an unterminated string', () => {
    expect(texts("SELECT 'open; SELECT 2")).toEqual(["SELECT 'open; SELECT 2"])
  })
})

describe('statementAt', () => {
  const sql = 'SELECT 1;\n\nSELECT 2;\nSELECT 3;\n\n'

  it('takes the statement containing the cursor, its semicolon included', () => {
    expect(statementAt(sql, 0)?.text).toBe('SELECT 1')
    expect(statementAt(sql, 9)?.text).toBe('SELECT 1')
    expect(statementAt(sql, 14)?.text).toBe('SELECT 2')
    expect(statementAt(sql, 20)?.text).toBe('SELECT 2')
    expect(statementAt(sql, 21)?.text).toBe('SELECT 3')
  })

  it('takes the statement before a cursor on a blank line, else the first one', () => {
    expect(statementAt(sql, 10)?.text).toBe('SELECT 1')
    expect(statementAt(sql, sql.length)?.text).toBe('SELECT 3')
    expect(statementAt('\n\nSELECT 9', 0)?.text).toBe('SELECT 9')
    expect(statementAt('  -- nothing\n', 3)).toBeNull()
  })
})

describe('statementToRunAt', () => {
  it('prefers a non-blank selection without its trailing semicolon', () => {
    expect(statementToRunAt('SELECT 1; SELECT 2;', ' SELECT 2; ', 0)).toBe('SELECT 2')
    expect(statementToRunAt('SELECT 1; SELECT 2;', '  ', 12)).toBe('SELECT 2')
    expect(statementToRunAt('', '', 0)).toBe('')
  })
})
