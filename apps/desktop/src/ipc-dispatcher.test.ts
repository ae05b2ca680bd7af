import { describe, expect, it } from 'vitest'
import { EngineError, type Router } from '@idw/engine'
import { createIpcDispatcher } from './ipc-dispatcher.js'

const silent = { error: () => undefined }

function routerOf(overrides: Partial<Router>): Router {
  return {
    call: async () => ({}),
    stream: async () => ({ contentType: 'application/octet-stream', body: (async function* () {})() }),
    ...overrides,
  }
}

describe('IPC dispatcher', () => {
  it('answers { ok, value } for a successful call', async () => {
    const dispatcher = createIpcDispatcher(routerOf({ call: async (method) => ({ method }) }), silent)
    expect(await dispatcher.call('hub/status', {})).toEqual({ ok: true, value: { method: 'hub/status' } })
  })

  it('serialises an EngineError as its code, message and detail, without a stack', async () => {
    const failing = routerOf({
      call: async () => {
        throw new EngineError('HUB_QUERY_FAILED', 'syntax error at or near "SELEC"', { sqlstate: '42601' })
      },
    })
    const result = await createIpcDispatcher(failing, silent).call('catalog/get', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'HUB_QUERY_FAILED', message: 'syntax error at or near "SELEC"', detail: { sqlstate: '42601' } },
    })
  })

  it('hides unexpected errors behind INTERNAL and logs them', async () => {
    const logged: object[] = []
    const failing = routerOf({
      call: async () => {
        throw new Error('password=hunter2 leaked by a bug')
      },
    })
    const result = await createIpcDispatcher(failing, { error: (obj) => logged.push(obj) }).call('catalog/get', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain('hunter2')
    expect(logged).toHaveLength(1)
  })

  it('lets the renderer pull a stream chunk by chunk until null, then forgets it', async () => {
    const streaming = routerOf({
      stream: async () => ({
        contentType: 'application/vnd.apache.arrow.stream',
        streamId: 'q1',
        body: (async function* () {
          yield new Uint8Array([1, 2])
          yield new Uint8Array([3])
        })(),
      }),
    })
    const dispatcher = createIpcDispatcher(streaming, silent)
    const opened = await dispatcher.openStream('query/run', { sql: 'SELECT 1' })
    if (!opened.ok) throw new Error('stream did not open')
    expect(opened.value).toMatchObject({ contentType: 'application/vnd.apache.arrow.stream', queryId: 'q1' })
    const { streamId } = opened.value
    expect(await dispatcher.readStream(streamId)).toEqual({ ok: true, value: new Uint8Array([1, 2]) })
    expect(await dispatcher.readStream(streamId)).toEqual({ ok: true, value: new Uint8Array([3]) })
    expect(await dispatcher.readStream(streamId)).toEqual({ ok: true, value: null })
    expect(await dispatcher.readStream(streamId)).toEqual({ ok: true, value: null })
  })

  it('closing a stream ends its producer (which cancels the query)', async () => {
    let finished = false
    const streaming = routerOf({
      stream: async () => ({
        contentType: 'application/vnd.apache.arrow.stream',
        body: (async function* () {
          try {
            yield new Uint8Array([1])
            yield new Uint8Array([2])
          } finally {
            finished = true
          }
        })(),
      }),
    })
    const dispatcher = createIpcDispatcher(streaming, silent)
    const opened = await dispatcher.openStream('query/run', { sql: 'SELECT 1' })
    if (!opened.ok) throw new Error('stream did not open')
    await dispatcher.readStream(opened.value.streamId)
    expect(await dispatcher.closeStream(opened.value.streamId)).toEqual({ ok: true, value: null })
    expect(finished).toBe(true)
  })
})
