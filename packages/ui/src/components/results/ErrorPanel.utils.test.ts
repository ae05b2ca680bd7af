import { describe, expect, it } from 'vitest'
import { describeErrorDetail } from './ErrorPanel.utils'

describe('describeErrorDetail', () => {
  it('orders SQLSTATE, position and hint first and points at the error in the statement', () => {
    const sql = 'SELECT state,\n  nope\nFROM files.airports'
    const { facts, pointer } = describeErrorDetail(
      { hint: 'Perhaps you meant "note".', position: 17, sqlstate: '42703' },
      sql,
    )
    expect(facts).toEqual([
      { label: 'SQLSTATE', value: '42703' },
      { label: 'Position', value: 'line 2, column 3 (character 17)' },
      { label: 'Hint', value: 'Perhaps you meant "note".' },
    ])
    expect(pointer).toEqual({ line: 2, column: 3, lineText: '  nope' })
  })

  it('keeps unknown keys by name, objects as JSON, and drops empty values', () => {
    const { facts, pointer } = describeErrorDetail({ file: 'sources.yaml', span: { line: 3 }, hint: '' }, '')
    expect(facts).toEqual([
      { label: 'file', value: 'sources.yaml' },
      { label: 'span', value: '{"line":3}' },
    ])
    expect(pointer).toBeNull()
  })

  it('has nothing to say without detail', () => {
    expect(describeErrorDetail(undefined, 'SELECT 1')).toEqual({ facts: [], pointer: null })
  })
})
