import { describe, expect, it } from 'vitest'
import { buildExplainSql } from './explain-query.js'

describe('buildExplainSql', () => {
  it('asks for JSON with VERBOSE, COSTS and SETTINGS, and ANALYZE, BUFFERS on demand', () => {
    expect(buildExplainSql('SELECT 1').text).toBe('EXPLAIN (FORMAT JSON, VERBOSE, COSTS, SETTINGS) SELECT 1')
    expect(buildExplainSql('SELECT 1', { analyze: true, buffers: true }).text).toBe(
      'EXPLAIN (FORMAT JSON, VERBOSE, COSTS, SETTINGS, ANALYZE, BUFFERS) SELECT 1',
    )
  })

  it('drops trailing semicolons and maps positions back into the given SQL', () => {
    const statement = buildExplainSql('  SELECT x FROM t;  ;\n')
    expect(statement.text).toBe('EXPLAIN (FORMAT JSON, VERBOSE, COSTS, SETTINGS) SELECT x FROM t')
    const positionInStatement = statement.text.indexOf('x') + 1
    expect(positionInStatement - statement.offset).toBe('  SELECT x FROM t;'.indexOf('x') + 1)
  })

  it('refuses empty SQL with BAD_INPUT', () => {
    expect(() => buildExplainSql(' ; ')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }))
  })
})
