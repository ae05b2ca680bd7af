import { tableFromIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestWebServer, type TestWebServer } from './testing/test-web-server.js'

const TOKEN = 'test-token-explain-0123456789'
const NOW_SQL = "SELECT * FROM flights.flights WHERE date > now() - interval '30 years'"
const STATE_DELAYS = `SELECT a.state, avg(f.delay) AS avg_delay, count(*) AS flights
  FROM flights.flights f JOIN files.airports a ON a.iata = f.origin
 GROUP BY a.state ORDER BY avg_delay DESC`

describe('filter, build and explain routes over a real engine', () => {
  let web: TestWebServer
  const post = (url: string, payload: unknown) =>
    web.app.inject({ method: 'POST', url, headers: web.auth, payload: payload as object })

  beforeAll(async () => {
    web = await startTestWebServer(TOKEN)
  })

  afterAll(async () => web?.close())

  it('POST /api/v1/explain answers plan, foreignScans with clause verdicts, and warnings naming their node', async () => {
    const response = await post('/api/v1/explain', { sql: NOW_SQL, analyze: false })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ sql: NOW_SQL, parameters: [], analyzed: false })
    expect(body.plan.root).toMatchObject({ nodeType: 'Foreign Scan', relation: 'flights' })
    expect(body.foreignScans).toEqual([
      expect.objectContaining({
        server: 'flights',
        fdw: 'postgres_fdw',
        remoteSql: 'SELECT date, delay, distance, origin, destination FROM public.flights',
        clauses: [
          expect.objectContaining({
            text: "flights.date > (now() - '30 years'::interval)",
            kind: 'filter',
            pushed: false,
            reason: expect.stringContaining('now() is not IMMUTABLE'),
          }),
        ],
      }),
    ])
    const joined = (await post('/api/v1/explain', { sql: STATE_DELAYS })).json()
    expect(joined.warnings.length).toBeGreaterThan(0)
    for (const warning of joined.warnings) {
      expect(warning).toEqual(
        expect.objectContaining({
          node: expect.any(String),
          nodeId: expect.any(Number),
          kind: expect.any(String),
          message: expect.any(String),
        }),
      )
    }
    expect(joined.foreignScans.map((s: { fdw: string }) => s.fdw).sort()).toEqual(['file_fdw', 'postgres_fdw'])
  })

  it('explains a filter object on a table, with its values bound, every clause pushed', async () => {
    const select = { filters: { origin: { in: ['SEA', 'PDX'] }, delay: { gt: 60 } }, order_by: '-delay', limit: 5 }
    const body = (await post('/api/v1/explain', { table: { schema: 'flights', name: 'flights' }, select })).json()
    expect(body.parameters).toEqual([['SEA', 'PDX'], 60, 5])
    const [scan] = body.foreignScans
    expect(scan.remoteSql).toContain("WHERE ((origin = ANY ('{SEA,PDX}'::text[]))) AND ((delay > 60::bigint))")
    expect(scan.clauses.map((c: { kind: string; pushed: boolean }) => [c.kind, c.pushed])).toEqual([
      ['filter', true],
      ['filter', true],
      ['sort', true],
      ['limit', true],
    ])
  })

  it('POST /api/v1/table/select streams the filtered rows as Arrow and records the query', async () => {
    const payload = {
      table: { schema: 'flights', name: 'flights' },
      select: { filters: { origin: 'SEA', delay: { ge: 300 } }, columns: ['origin', 'delay'], order_by: '-delay' },
      queryId: 'q-table-select',
    }
    const response = await post('/api/v1/table/select', payload)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/vnd.apache.arrow.stream')
    expect(response.headers['x-idw-query-id']).toBe('q-table-select')
    const table = tableFromIPC(response.rawPayload)
    const check = await post('/api/v1/query', {
      sql: "SELECT count(*)::int AS n FROM flights.flights WHERE origin = 'SEA' AND delay >= 300",
    })
    const expected = tableFromIPC(check.rawPayload).getChild('n')!.get(0) as number
    expect(table.numRows).toBe(expected)
    expect(table.numRows).toBeGreaterThan(0)
    expect(table.schema.fields.map((f) => f.name)).toEqual(['origin', 'delay'])
    expect(new Set([...table.getChild('origin')!])).toEqual(new Set(['SEA']))
    const delays = [...table.getChild('delay')!].map(Number)
    expect(delays).toEqual([...delays].sort((a, b) => b - a))
    const status = (await post('/api/v1/query/status', { queryId: 'q-table-select' })).json()
    expect(status).toMatchObject({ state: 'done', rows: expected, truncated: false })
  })

  it('POST /api/v1/query/build answers the parameterized SQL and the inlined SQL that runs the same', async () => {
    const select = {
      filters: { date: { ge: '2001-03-01' }, origin: { in: ["O'HARE", 'SEA'] } },
      columns: ['origin'],
      limit: 3,
    }
    const built = (await post('/api/v1/query/build', { table: { schema: 'flights', name: 'flights' }, select })).json()
    expect(built).toEqual({
      sql: 'SELECT "origin" FROM "flights"."flights" WHERE "date" >= $1 AND "origin" = ANY($2::text[]) LIMIT $3',
      parameters: ['2001-03-01', ["O'HARE", 'SEA'], 3],
      inlineSql:
        'SELECT "origin" FROM "flights"."flights" WHERE "date" >= \'2001-03-01\'::timestamp without time zone ' +
        'AND "origin" = ANY(\'{"O\'\'HARE","SEA"}\'::text[]) LIMIT 3',
    })
    const inline = tableFromIPC((await post('/api/v1/query', { sql: built.inlineSql })).rawPayload)
    expect([...inline.getChild('origin')!]).toEqual(['SEA', 'SEA', 'SEA'])
  })

  it('POST /api/v1/plan/parse reads a pasted plan into the same verdicts', async () => {
    const json = (await post('/api/v1/explain', { sql: NOW_SQL })).json()
    const text = [
      'QUERY PLAN',
      '-----------------------------------------------------------------------------',
      ' Foreign Scan on raw_flights.flights  (cost=100.00..120000.00 rows=1000000 width=32)',
      '   Output: date, delay, distance, origin, destination',
      "   Filter: (flights.date > (now() - '30 years'::interval))",
      '   Remote SQL: SELECT date, delay, distance, origin, destination FROM public.flights',
      '(4 rows)',
    ].join('\n')
    const parsed = (await post('/api/v1/plan/parse', { text })).json()
    expect(parsed.plan.source).toBe('text')
    expect(parsed.foreignScans.map((s: object) => ({ ...s, nodeId: 0 }))).toEqual(json.foreignScans)
  })

  it('answers NOT_FOUND for an unknown table and BAD_INPUT with the path of a bad filter', async () => {
    const unknown = await post('/api/v1/explain', { table: { schema: 'flights', name: 'nope' } })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error).toMatchObject({ code: 'NOT_FOUND', detail: { schema: 'flights', name: 'nope' } })
    expect(unknown.json().error.message).toContain('tables in "flights": flights')
    const bad = await post('/api/v1/table/select', {
      table: { schema: 'flights', name: 'flights' },
      select: { filters: { $or: [{ origin: { in: ['SEA', 7] } }] } },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'BAD_INPUT', detail: { path: 'filters.$or[0].origin.in[1]' } })
    const both = await post('/api/v1/explain', { sql: 'SELECT 1', table: { schema: 'flights', name: 'flights' } })
    expect([both.statusCode, both.json().error.code]).toEqual([400, 'BAD_INPUT'])
  })
})
