import { describe, expect, it, vi } from 'vitest'
import type { ColumnStats } from '../components/results/stats/column-stats'
import { ScriptedClient, queryStatus } from './testing/scripted-client'
import { createWorkbenchStore } from './workbench-store'

const computeColumnStats = vi.fn()
vi.mock('../components/results/stats/column-stats', () => ({ computeColumnStats }))

const STATS: ColumnStats = {
  kind: 'numeric',
  rows: 5,
  nulls: 0,
  distinct: 5,
  min: '1',
  max: '5',
  mean: 3,
  median: 3,
  histogram: null,
  topValues: [],
  elapsedMs: 1,
}

describe('column statistics panel', () => {
  it('opens on a column and computes its statistics over the loaded batches', async () => {
    computeColumnStats.mockResolvedValueOnce(STATS)
    const store = createWorkbenchStore(new ScriptedClient({ 'query/status': () => queryStatus({}) }), {
      batchFlushMs: 0,
    })
    await store.getState().runQuery()
    await store.getState().openColumnStats(1)
    expect(computeColumnStats).toHaveBeenCalledWith(store.getState().result.batches, store.getState().result.schema, 1)
    expect(store.getState().columnStats).toMatchObject({
      open: true,
      column: 1,
      status: 'ready',
      stats: STATS,
      basedOnRows: 5,
    })
    store.getState().closeColumnStats()
    expect(store.getState().columnStats.open).toBe(false)
  })

  it('shows why DuckDB-Wasm failed', async () => {
    computeColumnStats.mockRejectedValueOnce(new Error('Out of Memory Error'))
    const store = createWorkbenchStore(new ScriptedClient({ 'query/status': () => queryStatus({}) }), {
      batchFlushMs: 0,
    })
    await store.getState().runQuery()
    await store.getState().openColumnStats()
    expect(store.getState().columnStats).toMatchObject({
      open: true,
      column: 0,
      status: 'failed',
      error: 'Out of Memory Error',
    })
  })
})
