import { describe, expect, it } from 'vitest'
import { EngineClientError } from '../client/client-error'
import { DEMO_SQL } from './editor-slice'
import { ScriptedClient } from './testing/scripted-client'
import { createWorkbenchStore } from './workbench-store'

describe('editor slice', () => {
  it('starts with the demo query and queues a quoted SELECT for a double-clicked table', () => {
    const store = createWorkbenchStore(new ScriptedClient())
    expect(store.getState().editor.sql).toBe(DEMO_SQL)
    store.getState().insertTableQuery('files', 'Airports')
    const pending = store.getState().editor.pendingInsert
    expect(pending?.text).toBe('SELECT * FROM files."Airports" LIMIT 1000;')
    store.getState().completeInsert(pending!.id)
    expect(store.getState().editor.pendingInsert).toBeNull()
  })
})

describe('catalog and connection slices', () => {
  it('loads the catalog and keeps a failure readable', async () => {
    const sources = [{ name: 'files', fdw: 'file_fdw', server: 'files', location: null, schema: 'files', tables: [] }]
    let fail = false
    const client = new ScriptedClient({
      'catalog/get': () => {
        if (fail) throw new EngineClientError('HUB_UNAVAILABLE', 'the hub is not running')
        return { sources }
      },
    })
    const store = createWorkbenchStore(client)
    await store.getState().loadCatalog()
    expect(store.getState().catalog).toMatchObject({ status: 'ready', sources })
    fail = true
    await store.getState().loadCatalog()
    expect(store.getState().catalog).toMatchObject({ status: 'failed', sources, error: { code: 'HUB_UNAVAILABLE' } })
  })

  it('records the hub status and a failed check', async () => {
    const hub = {
      status: 'ready',
      kind: 'embedded',
      version: '18.4',
      host: '127.0.0.1',
      port: 5433,
      database: 'idw',
      dataDir: '/data',
      extensions: [],
      error: null,
    } as const
    const client = new ScriptedClient({ 'hub/status': () => hub })
    const store = createWorkbenchStore(client)
    await store.getState().refreshHub()
    expect(store.getState().connection).toMatchObject({ transport: 'http', hub, hubError: null })
  })
})
