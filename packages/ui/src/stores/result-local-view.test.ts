import { describe, expect, it, vi } from 'vitest'
import { ScriptedClient, queryStatus } from './testing/scripted-client'
import { createWorkbenchStore } from './workbench-store'

/** A store holding the scripted result: state CA TX FL NY IL, flights 5 4 3 2 1, in three batches. */
async function loadedStore() {
  const client = new ScriptedClient({ 'query/status': () => queryStatus({}) })
  const store = createWorkbenchStore(client, { batchFlushMs: 0 })
  await store.getState().runQuery()
  return store
}

describe('local view of loaded rows', () => {
  it('sorts ascending, then descending, then back to result order', async () => {
    const store = await loadedStore()
    await store.getState().toggleLocalSort(1)
    expect(store.getState().resultView).toMatchObject({
      status: 'ready',
      sort: { column: 1, direction: 'asc' },
      basedOnRows: 5,
    })
    expect([...store.getState().resultView.index!]).toEqual([4, 3, 2, 1, 0])
    await store.getState().toggleLocalSort(1)
    expect([...store.getState().resultView.index!]).toEqual([0, 1, 2, 3, 4])
    await store.getState().toggleLocalSort(1)
    expect(store.getState().resultView).toMatchObject({ status: 'idle', sort: null, index: null })
  })

  it('filters, refusing values that do not fit the column', async () => {
    const store = await loadedStore()
    expect(store.getState().addLocalFilter({ column: 1, op: 'gt', value: 'many' })).toBe('"many" is not a Int32 value')
    expect(store.getState().resultView.filters).toEqual([])
    expect(store.getState().addLocalFilter({ column: 0, op: 'contains', value: 'l' })).toBeNull()
    await vi.waitFor(() => expect(store.getState().resultView.status).toBe('ready'))
    expect([...store.getState().resultView.index!]).toEqual([2, 4])
    store.getState().removeLocalFilter(0)
    await vi.waitFor(() => expect(store.getState().resultView.status).toBe('idle'))
    expect(store.getState().resultView.index).toBeNull()
  })

  it('starts over with a new result', async () => {
    const store = await loadedStore()
    await store.getState().setLocalSort({ column: 0, direction: 'desc' })
    expect(store.getState().resultView.index).not.toBeNull()
    await store.getState().runQuery()
    expect(store.getState().resultView).toMatchObject({ sort: null, filters: [], index: null })
  })
})
