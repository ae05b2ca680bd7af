import { tableFromIPC } from 'apache-arrow'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestEngine, type TestEngine } from '../../../packages/engine/test/test-engine.js'
import { createIpcDispatcher, type IpcDispatcher } from './ipc-dispatcher.js'

describe('IPC dispatcher over a real engine', () => {
  let engine: TestEngine
  let dispatcher: IpcDispatcher

  beforeAll(async () => {
    engine = await startTestEngine()
    dispatcher = createIpcDispatcher(engine.engine.router, pino({ level: 'silent' }))
  })
  afterAll(async () => engine?.close())

  it('carries catalog/get', async () => {
    const result = await dispatcher.call('catalog/get', {})
    if (!result.ok) throw new Error(result.error.message)
    const sources = (result.value as { sources: { name: string }[] }).sources.map((s) => s.name)
    expect(sources).toEqual(expect.arrayContaining(['flights', 'files']))
  })

  it('carries a query as Arrow IPC chunks the renderer can decode', async () => {
    const opened = await dispatcher.openStream('query/run', {
      sql: 'SELECT g::int8 AS n FROM generate_series(1, 1000) g',
    })
    if (!opened.ok) throw new Error(opened.error.message)
    const chunks: Uint8Array[] = []
    for (;;) {
      const next = await dispatcher.readStream(opened.value.streamId)
      if (!next.ok) throw new Error(next.error.message)
      if (next.value === null) break
      chunks.push(next.value)
    }
    const table = tableFromIPC(Buffer.concat(chunks))
    expect(table.numRows).toBe(1000)
    expect(table.getChild('n')?.get(999)).toBe(1000n)
  })

  it('answers invalid input as BAD_INPUT', async () => {
    const result = await dispatcher.call('query/status', { queryId: 42 })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})
