import { describe, expect, it } from 'vitest'
import { diffTables } from './diff-tables.js'

const col = (name: string, type: string) => ({ name, type, nullable: true })

describe('diffTables', () => {
  it('finds tables added and removed, columns added, removed and retyped', () => {
    const before = [
      { name: 'orders', columns: [col('id', 'integer'), col('amount', 'numeric'), col('note', 'text')] },
      { name: 'old', columns: [col('x', 'text')] },
    ]
    const after = [
      { name: 'orders', columns: [col('id', 'bigint'), col('amount', 'numeric'), col('placed', 'date')] },
      { name: 'fresh', columns: [col('y', 'text')] },
    ]
    expect(diffTables(before, after)).toEqual({
      unchanged: false,
      tablesAdded: ['fresh'],
      tablesRemoved: ['old'],
      columnsAdded: [{ table: 'orders', column: 'placed', type: 'date' }],
      columnsRemoved: [{ table: 'orders', column: 'note', type: 'text' }],
      columnsRetyped: [{ table: 'orders', column: 'id', from: 'integer', to: 'bigint' }],
    })
  })

  it('says unchanged when nothing differs', () => {
    const same = [{ name: 't', columns: [col('a', 'text')] }]
    expect(diffTables(same, same).unchanged).toBe(true)
  })
})
