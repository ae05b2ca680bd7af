import { describe, expect, it } from 'vitest'
import { EngineError } from '../api/contract/errors.js'
import { characterLength, prepareStatementText, quoteIdentifier } from './sql-text.js'

function badInput(sql: string): EngineError {
  try {
    prepareStatementText(sql)
  } catch (err) {
    if (err instanceof EngineError) return err
    throw err
  }
  throw new Error(`expected BAD_INPUT for ${sql}`)
}

describe('prepareStatementText', () => {
  it('strips trailing semicolons, whitespace and comments but keeps leading text', () => {
    expect(prepareStatementText('  SELECT 1 ;  \n')).toBe('  SELECT 1')
    expect(prepareStatementText('SELECT 1;;')).toBe('SELECT 1')
    expect(prepareStatementText('SELECT 1 -- the answer')).toBe('SELECT 1')
    expect(prepareStatementText('SELECT 1; /* done */ -- bye\n')).toBe('SELECT 1')
    expect(prepareStatementText('/* lead */ SELECT 1')).toBe('/* lead */ SELECT 1')
  })

  it('ignores semicolons inside strings, identifiers, dollar quotes and comments', () => {
    const cases = [
      "SELECT 'a;b', 'it''s;'",
      'SELECT 1 AS "x;y"',
      "SELECT E'\\';' AS e",
      'SELECT $$;$$, $tag$ ; $x$ ; $tag$',
      'SELECT 1 /* ; /* nested ; */ ; */ + 2',
      'SELECT 1 -- ;\n, 2',
    ]
    for (const sql of cases) expect(prepareStatementText(sql)).toBe(sql)
  })

  it('does not take a $ inside an identifier or a parameter for a dollar quote', () => {
    expect(prepareStatementText('SELECT a$b$ FROM t$1$')).toBe('SELECT a$b$ FROM t$1$')
    expect(() => prepareStatementText('SELECT $1; SELECT 2')).toThrow(EngineError)
  })

  it('rejects several statements with BAD_INPUT and the position of the second', () => {
    const err = badInput('SELECT 1; SELECT 2')
    expect(err.code).toBe('BAD_INPUT')
    expect(err.detail).toEqual({ position: 11 })
    expect(badInput("SELECT 'é;'; DELETE FROM t").detail).toEqual({ position: 14 })
  })

  it('rejects empty statements with BAD_INPUT', () => {
    for (const sql of ['', '  ', ';', '-- nothing\n', '/* x */ ;']) expect(badInput(sql).code).toBe('BAD_INPUT')
  })
})

describe('quoteIdentifier and characterLength', () => {
  it('quotes identifiers and doubles inner quotes', () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"')
    expect(quoteIdentifier('')).toBe('""')
  })

  it('counts Unicode code points like PostgreSQL positions', () => {
    expect(characterLength('héllo 😀')).toBe(7)
  })
})
