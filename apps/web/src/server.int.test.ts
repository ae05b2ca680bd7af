import { tableFromIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestWebServer, type TestWebServer } from './testing/test-web-server.js'

const TOKEN = 'test-token-0123456789'

describe('web host over a real engine', () => {
  let web: TestWebServer

  beforeAll(async () => {
    web = await startTestWebServer(TOKEN)
  })

  afterAll(async () => web?.close())

  it('answers /health without a token', async () => {
    const response = await web.app.inject({ method: 'GET', url: '/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'ok', hub: { status: 'ready' } })
  })

  it('refuses API calls without the token, and with a wrong one', async () => {
    const none = await web.app.inject({ method: 'GET', url: '/api/v1/catalog' })
    expect(none.statusCode).toBe(401)
    expect(none.json().error.code).toBe('UNAUTHORIZED')
    const wrong = await web.app.inject({
      method: 'GET',
      url: '/api/v1/catalog',
      headers: { authorization: 'Bearer nope' },
    })
    expect(wrong.statusCode).toBe(401)
  })

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    const response = await web.app.inject({ method: 'GET', url: '/health', headers: { host: 'evil.example.com' } })
    expect(response.statusCode).toBe(403)
  })

  it('exchanges the start-up token for an HttpOnly, SameSite=Strict session cookie', async () => {
    const signIn = await web.app.inject({ method: 'GET', url: `/?token=${TOKEN}` })
    expect(signIn.statusCode).toBe(303)
    const setCookie = String(signIn.headers['set-cookie'])
    expect(setCookie).toMatch(/idw_session=[^;]+;.*HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    const cookie = setCookie.split(';')[0]!
    const status = await web.app.inject({ method: 'POST', url: '/api/v1/hub/status', headers: { cookie }, payload: {} })
    expect(status.statusCode).toBe(200)
    expect(status.json()).toMatchObject({ status: 'ready' })
    expect(status.body).not.toMatch(/password/i)
  })

  it('lists the demo sources in the catalog', async () => {
    const response = await web.app.inject({ method: 'GET', url: '/api/v1/catalog', headers: web.auth })
    expect(response.statusCode).toBe(200)
    const names = (response.json().sources as { name: string }[]).map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['flights', 'files']))
  })

  it('streams a query as Arrow IPC with its query id', async () => {
    const response = await web.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      headers: web.auth,
      payload: { sql: "SELECT 42::int4 AS answer, 'hub'::text AS name", queryId: 'q-answer' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/vnd.apache.arrow.stream')
    expect(response.headers['x-idw-query-id']).toBe('q-answer')
    const table = tableFromIPC(response.rawPayload)
    expect(table.numRows).toBe(1)
    expect(table.getChild('answer')?.get(0)).toBe(42)
    expect(table.getChild('name')?.get(0)).toBe('hub')
    const status = await web.app.inject({
      method: 'POST',
      url: '/api/v1/query/status',
      headers: web.auth,
      payload: { queryId: 'q-answer' },
    })
    expect(status.json()).toMatchObject({ state: 'done', rows: 1, truncated: false })
  })

  it('answers a SQL error as 422 with SQLSTATE and position, and no stack trace', async () => {
    const response = await web.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      headers: web.auth,
      payload: { sql: 'SELEC 1' },
    })
    expect(response.statusCode).toBe(422)
    const { error } = response.json()
    expect(error.code).toBe('HUB_QUERY_FAILED')
    expect(error.detail.sqlstate).toBe('42601')
    expect(error.detail.position).toBe(1)
    expect(response.body).not.toMatch(/ at .*\.(js|ts):\d+/)
  })

  it('rejects bad input with 400 BAD_INPUT naming the field', async () => {
    const response = await web.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      headers: web.auth,
      payload: { sql: '' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'BAD_INPUT' })
    expect(response.json().error.message).toContain('sql')
  })

  it('answers 404 NOT_FOUND for an unknown method', async () => {
    const response = await web.app.inject({
      method: 'POST',
      url: '/api/v1/nope/nothing',
      headers: web.auth,
      payload: {},
    })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('NOT_FOUND')
  })

  it('exports a query to CSV as a download', async () => {
    const response = await web.app.inject({
      method: 'POST',
      url: '/api/v1/export',
      headers: web.auth,
      payload: {
        sql: "SELECT g AS n, 'row ' || g AS label FROM generate_series(1, 3) g",
        format: 'csv',
        fileName: 'three.csv',
      },
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toContain('three.csv')
    expect(response.body.trim().split(/\r?\n/)).toEqual(['n,label', '1,row 1', '2,row 2', '3,row 3'])
  })

  it('cancels a running query in the hub', async () => {
    const running = web.app.inject({
      method: 'POST',
      url: '/api/v1/query',
      headers: web.auth,
      payload: { sql: 'SELECT pg_sleep(30) AS slept', queryId: 'q-sleep' },
    })
    await new Promise((resolve) => setTimeout(resolve, 500))
    const cancel = await web.app.inject({
      method: 'POST',
      url: '/api/v1/query/cancel',
      headers: web.auth,
      payload: { queryId: 'q-sleep' },
    })
    expect(cancel.json()).toEqual({ canceled: true })
    await running.catch(() => undefined)
    const status = await web.app.inject({
      method: 'POST',
      url: '/api/v1/query/status',
      headers: web.auth,
      payload: { queryId: 'q-sleep' },
    })
    expect(status.json()).toMatchObject({ state: 'canceled' })
    expect(status.json().elapsedMs).toBeLessThan(10_000)
  })
})
