import type { HubStatus } from '@idw/engine/api'
import { describe, expect, it } from 'vitest'
import { summarizeHub } from './HubStatus.utils'

const ready: HubStatus = {
  status: 'ready',
  kind: 'embedded',
  version: '18.4',
  host: '127.0.0.1',
  port: 54329,
  database: 'idw',
  dataDir: '/home/ana/.local/share/idw/hub',
  extensions: [
    { name: 'postgres_fdw', availableVersion: '1.1', installedVersion: '1.1' },
    { name: 'file_fdw', availableVersion: '1.0', installedVersion: '1.0' },
    { name: 'mysql_fdw', availableVersion: null, installedVersion: null },
  ],
  error: null,
}

describe('summarizeHub', () => {
  it('says ready with version, kind, place and installed FDWs', () => {
    expect(summarizeHub(ready, null)).toEqual({
      tone: 'ok',
      text: 'Hub ready · PostgreSQL 18.4 · embedded',
      title: 'embedded hub at 127.0.0.1:54329/idw\ndata: /home/ana/.local/share/idw/hub\nFDWs: postgres_fdw, file_fdw',
    })
  })

  it('reports a failed check over the last answer', () => {
    expect(summarizeHub(ready, { code: 'TRANSPORT_FAILED', message: 'Failed to fetch' })).toMatchObject({
      tone: 'error',
      text: 'Hub unreachable',
      title: 'TRANSPORT_FAILED: Failed to fetch',
    })
  })

  it('covers starting, error and no answer yet', () => {
    expect(summarizeHub({ ...ready, status: 'starting' }, null).text).toBe('Hub starting…')
    expect(summarizeHub({ ...ready, status: 'error', error: 'initdb failed' }, null)).toMatchObject({
      tone: 'error',
      text: 'Hub error',
    })
    expect(summarizeHub(null, null).tone).toBe('unknown')
  })
})
