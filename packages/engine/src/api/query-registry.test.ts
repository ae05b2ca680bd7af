import { describe, expect, it } from 'vitest'
import { QueryRegistry } from './query-registry.js'

describe('QueryRegistry', () => {
  it('takes firstBatchMs at the first message with rows, not at the schema message', async () => {
    const registry = new QueryRegistry()
    registry.start('q', null)
    registry.addBatch('q', 0, 200)
    expect(registry.status('q')).toMatchObject({ firstBatchMs: null, rows: 0, bytes: 200 })
    await new Promise((resolve) => setTimeout(resolve, 20))
    registry.addBatch('q', 1024, 5000)
    const first = registry.status('q')?.firstBatchMs
    expect(first).toBeGreaterThanOrEqual(19)
    registry.addBatch('q', 65_536, 90_000)
    expect(registry.status('q')).toMatchObject({ firstBatchMs: first, rows: 66_560, bytes: 95_200 })
  })
})
