import type { SourceTestResult } from '@idw/engine/api'
import { describe, expect, it } from 'vitest'
import { EngineClientError } from '../client/client-error'
import { CONNECTED, sourceCard } from '../components/sources/testing/source-cards.fixture'
import { SOURCE_TYPES } from '../components/sources/testing/source-types.fixture'
import { ScriptedClient } from './testing/scripted-client'
import { createWorkbenchStore } from './workbench-store'

const URI = 'mysql://reader:p%40ss%23w%3Ard%2F%3F@127.0.0.1:3306/shop'

const col = (name: string) => ({ name, type: 'text', nullable: true })

function engine() {
  return new ScriptedClient({
    'sources/types': () => SOURCE_TYPES,
    'sources/list': () => ({
      sources: [sourceCard()],
      vault: { unlocked: true, reason: null },
    }),
    'sources/parse-uri': () => ({
      draft: {
        kind: 'form',
        name: 'shop',
        extension: 'mysql_fdw',
        serverOptions: { host: '127.0.0.1', port: '3306' },
        userMappingOptions: { username: 'reader' },
        importSchema: { remoteSchema: 'shop' },
      },
      hasPassword: true,
      suggestedName: 'shop',
      location: '127.0.0.1:3306/shop',
    }),
    'sources/test': () => CONNECTED,
    'sources/remote-tables': () => ({
      remoteSchema: 'shop',
      tables: [
        { name: 'movies', columns: [col('title')], imported: false },
        { name: 'penguins', columns: [col('species'), col('island')], imported: false },
        { name: 'rated_movies', columns: [col('title')], imported: false },
      ],
    }),
    'sources/add': () => ({ source: sourceCard(), tables: ['shop.movies', 'shop.penguins'], statements: [] }),
    'catalog/get': () => ({ sources: [] }),
  })
}

const DRAFT = {
  kind: 'form',
  name: 'shop',
  extension: 'mysql_fdw',
  serverOptions: { host: '127.0.0.1', port: '3306' },
  userMappingOptions: { username: 'reader', password: 'p@ss#w:rd/?' },
  importSchema: { remoteSchema: 'shop' },
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
}

describe('add source dialog', () => {
  it('adds a MySQL source from a URI: parse, test, pick tables, add with LIMIT TO, then reload', async () => {
    const client = engine()
    const store = createWorkbenchStore(client)
    store.getState().openSourceDialog()
    await settle()
    expect(store.getState().sourceDialog).toMatchObject({ open: true, step: 'type', types: SOURCE_TYPES })
    expect(store.getState().sources.vault).toEqual({ unlocked: true, reason: null })

    store.getState().setSourceUri(URI)
    await store.getState().parseSourceUri()
    expect(client.calls.find((c) => c.method === 'sources/parse-uri')?.input).toEqual({ uri: URI })
    expect(store.getState().sourceDialog).toMatchObject({
      step: 'connect',
      form: { name: 'shop', passwordFromUri: true },
    })

    await store.getState().testSourceDraft()
    expect(client.calls.find((c) => c.method === 'sources/test')?.input).toEqual({ source: DRAFT })
    expect(store.getState().sourceDialog.test).toEqual({ status: 'done', result: CONNECTED, error: null, stale: false })
    store.getState().setSourceField('server.fetch_size', '500')
    expect(store.getState().sourceDialog.test.stale).toBe(true)
    store.getState().setSourceField('server.fetch_size', '')

    await store.getState().showRemoteTables()
    expect(store.getState().sourceDialog).toMatchObject({
      step: 'tables',
      remote: { status: 'ready', remoteSchema: 'shop' },
      selected: ['movies', 'penguins', 'rated_movies'],
    })
    store.getState().setRemoteTables(['rated_movies'], false)

    await store.getState().addSource()
    expect(client.calls.find((c) => c.method === 'sources/add')?.input).toEqual({
      source: { ...DRAFT, importSchema: { remoteSchema: 'shop', limitTo: ['movies', 'penguins'] } },
    })
    expect(store.getState().sourceDialog.open).toBe(false)
    expect(store.getState().sources).toMatchObject({ view: 'catalog', notice: 'Added shop: 2 tables to query.' })
    expect(client.methods().slice(-2).sort()).toEqual(['catalog/get', 'sources/list'])
  })

  it('imports the whole schema (no LIMIT TO) when every table stays picked', async () => {
    const client = engine()
    const store = createWorkbenchStore(client)
    store.getState().openSourceDialog()
    await settle()
    store.getState().setSourceUri(URI)
    await store.getState().parseSourceUri()
    await store.getState().showRemoteTables()
    await store.getState().addSource()
    expect(client.calls.find((c) => c.method === 'sources/add')?.input).toEqual({ source: DRAFT })
  })

  it('keeps the dialog open with the error when the add is refused, e.g. a locked vault', async () => {
    const store = createWorkbenchStore(
      new ScriptedClient({
        'sources/types': () => SOURCE_TYPES,
        'sources/list': () => ({ sources: [], vault: { unlocked: false, reason: 'IDW_MASTER_KEY is not set' } }),
        'sources/add': () => {
          throw new EngineClientError('VAULT_LOCKED', 'set IDW_MASTER_KEY to keep passwords typed in the UI')
        },
      }),
    )
    store.getState().openSourceDialog()
    await settle()
    expect(store.getState().sources.vault?.unlocked).toBe(false)
    store.getState().chooseSourceType('file_fdw')
    store.getState().setSourceField('table.filename', '/data/orders.csv')
    expect(store.getState().sourceDialog.form?.name).toBe('orders')
    await store.getState().addSource()
    expect(store.getState().sourceDialog).toMatchObject({
      open: true,
      adding: false,
      error: { code: 'VAULT_LOCKED' },
    })
  })

  it('drops an answer that arrives after the dialog was closed', async () => {
    let answer: (value: SourceTestResult) => void = () => undefined
    const store = createWorkbenchStore(
      new ScriptedClient({
        'sources/types': () => SOURCE_TYPES,
        'sources/list': () => ({ sources: [], vault: { unlocked: true, reason: null } }),
        'sources/test': () => new Promise<SourceTestResult>((resolve) => (answer = resolve)),
      }),
    )
    store.getState().openSourceDialog()
    await settle()
    store.getState().chooseSourceType('mysql_fdw')
    const testing = store.getState().testSourceDraft()
    expect(store.getState().sourceDialog.test.status).toBe('running')
    store.getState().closeSourceDialog()
    answer(CONNECTED)
    await testing
    expect(store.getState().sourceDialog).toMatchObject({ open: false, test: { status: 'idle', result: null } })
    expect(store.getState().sourceDialog.types).toEqual(SOURCE_TYPES)
  })
})

describe('source cards', () => {
  it('refreshes a source and keeps what changed, then reloads cards and catalog', async () => {
    const changes = {
      unchanged: false,
      tablesAdded: ['orders'],
      tablesRemoved: [],
      columnsAdded: [],
      columnsRemoved: [],
      columnsRetyped: [],
    }
    const client = new ScriptedClient({
      'sources/list': () => ({
        sources: [sourceCard({ refreshedAt: '2025-01-02T00:00:00Z' })],
        vault: { unlocked: true, reason: null },
      }),
      'sources/refresh': () => ({ source: sourceCard(), changes, statements: [], ms: 120 }),
      'catalog/get': () => ({ sources: [] }),
    })
    const store = createWorkbenchStore(client)
    const refreshing = store.getState().refreshSource('shop')
    expect(store.getState().sources.busy).toEqual({ shop: 'refreshing' })
    await refreshing
    expect(store.getState().sources).toMatchObject({ busy: {}, lastRefresh: { name: 'shop', changes, ms: 120 } })
    expect(store.getState().sources.cards[0]?.refreshedAt).toBe('2025-01-02T00:00:00Z')
    expect(client.calls[0]).toEqual({ method: 'sources/refresh', input: { name: 'shop' } })
  })

  it('removes a source and says the remote was not touched; a failure stays on the card', async () => {
    let fail = false
    const client = new ScriptedClient({
      'sources/list': () => ({ sources: [], vault: { unlocked: true, reason: null } }),
      'sources/remove': () => {
        if (fail) throw new EngineClientError('NOT_FOUND', 'no source named "shop" in the hub')
        return { name: 'shop', statements: [] }
      },
      'catalog/get': () => ({ sources: [] }),
    })
    const store = createWorkbenchStore(client)
    await store.getState().removeSource('shop')
    expect(store.getState().sources.notice).toBe('Removed shop from the hub; the remote was not touched.')
    fail = true
    await store.getState().removeSource('shop')
    expect(store.getState().sources.actionError).toMatchObject({
      name: 'shop',
      action: 'remove',
      error: { code: 'NOT_FOUND' },
    })
  })
})
