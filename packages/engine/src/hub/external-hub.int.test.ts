import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { testHubUrl } from '../../test/hub-url.js'
import { EngineError } from '../api/contract/errors.js'
import { HUB_EXTENSIONS, startHub } from './index.js'

const logger = pino({ level: 'silent' })

describe('external hub', () => {
  it('connects to the URL and reports version and extensions', async () => {
    const hub = await startHub({ url: testHubUrl(), logger })
    try {
      expect(hub.kind).toBe('external')
      const status = await hub.status()
      const url = new URL(testHubUrl())
      expect(status).toMatchObject({
        status: 'ready',
        kind: 'external',
        host: url.hostname,
        port: Number(url.port || 5432),
        dataDir: null,
        error: null,
      })
      expect(status.version).toMatch(/^\d+\.\d+/)
      expect(status.extensions.map((e) => e.name)).toEqual([...HUB_EXTENSIONS])
      expect(status.extensions.find((e) => e.name === 'postgres_fdw')?.availableVersion).toMatch(/^\d+\.\d+$/)
      expect(status.extensions.find((e) => e.name === 'tds_fdw')).toEqual({
        name: 'tds_fdw',
        availableVersion: null,
        installedVersion: null,
      })
    } finally {
      await hub.stop()
    }
    expect((await hub.status()).status).toBe('stopped')
  })

  it('fails with HUB_UNAVAILABLE naming the address but never the password', async () => {
    const error = await startHub({ url: 'postgresql://someone:hunter2-secret@127.0.0.1:1/analytics', logger }).catch(
      (err: unknown) => err,
    )
    expect(error).toBeInstanceOf(EngineError)
    expect((error as EngineError).code).toBe('HUB_UNAVAILABLE')
    expect((error as EngineError).message).toMatch(
      /^could not connect to the hub at 127\.0\.0\.1:1\/analytics as user "someone": .*Check IDW_HUB_URL/,
    )
    expect((error as EngineError).detail).toEqual({ code: 'ECONNREFUSED' })
    expect(JSON.stringify((error as EngineError).toBody())).not.toContain('hunter2')
  })
})
