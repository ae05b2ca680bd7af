import type { TableSelectInput } from '@idw/engine/api'
import { describe, expect, it, vi } from 'vitest'
import { EngineClientError } from '../client/client-error'
import { appendItem } from '../components/filter/filter-edit.utils'
import type { FilterCondition } from '../components/filter/filter-state.utils'
import { filterColumns } from './filter-slice'
import { ScriptedClient, queryStatus } from './testing/scripted-client'
import { createWorkbenchStore } from './workbench-store'

const FLIGHTS = { schema: 'flights', name: 'flights' }
const delayOver = (value: number): FilterCondition => ({
  kind: 'condition',
  id: 'c1',
  column: 'delay',
  operator: 'gt',
  value,
})

function setup() {
  const builds: TableSelectInput[] = []
  const client = new ScriptedClient({
    'query/build': (input: TableSelectInput) => {
      builds.push(input)
      if (JSON.stringify(input.select).includes('"nope"')) {
        throw new EngineClientError('BAD_INPUT', 'filters.nope: unknown column "nope"', {
          path: 'filters.nope',
          issues: [{ path: 'filters.nope', at: ['filters', 'nope'], message: 'unknown column "nope"' }],
        })
      }
      return {
        sql: 'SELECT * FROM flights.flights WHERE delay > $1 LIMIT 1000',
        parameters: [10],
        inlineSql: 'SELECT * FROM flights.flights WHERE delay > 10 LIMIT 1000',
      }
    },
    'query/status': () => queryStatus({}),
    'plan/explain': () => {
      throw new EngineClientError('HUB_UNAVAILABLE', 'no hub')
    },
  })
  const store = createWorkbenchStore(client, { filterBuildMs: 0, batchFlushMs: 0 })
  return { client, store, builds }
}

describe('filter slice', () => {
  it('opens a table with a 1000-row draft, shows its tab and builds its SQL', async () => {
    const { store, builds } = setup()
    store.getState().openFilter(FLIGHTS)
    expect(store.getState().filter).toMatchObject({ table: FLIGHTS, shown: true, mode: 'visual' })
    expect(JSON.parse(store.getState().filter.jsonText)).toEqual({ limit: 1000 })
    await vi.waitFor(() => expect(store.getState().filter.buildStatus).toBe('ready'))
    expect(builds).toEqual([{ table: FLIGHTS, select: { limit: 1000 } }])
  })

  it('rewrites the JSON on a visual edit and reads valid JSON back into the draft', async () => {
    const { store, builds } = setup()
    store.getState().openFilter(FLIGHTS)
    const root = store.getState().filter.draft.root
    store.getState().editFilter((draft) => ({ ...draft, root: appendItem(root, root.id, delayOver(10)) }))
    expect(JSON.parse(store.getState().filter.jsonText)).toEqual({ filters: { delay: { gt: 10 } }, limit: 1000 })
    store.getState().setFilterMode('json')
    store.getState().setFilterJson('{ "filters": { "$or": [{ "delay": { "gt": 5 } }, { "origin": "SFO" }] } }')
    const { draft } = store.getState().filter
    expect(draft.root.join).toBe('or')
    expect(draft.limit).toBeNull()
    await vi.waitFor(() =>
      expect(builds.at(-1)?.select).toEqual({ filters: { $or: [{ delay: { gt: 5 } }, { origin: 'SFO' }] } }),
    )
    store.getState().setFilterMode('visual')
    expect(store.getState().filter.mode).toBe('visual')
    expect(store.getState().filter.select).toEqual({
      filters: { $or: [{ delay: { gt: 5 } }, { origin: { eq: 'SFO' } }] },
    })
  })

  it('keeps JSON errors for the markers and stays in JSON mode until they are fixed', () => {
    const { store } = setup()
    store.getState().openFilter(FLIGHTS)
    const before = store.getState().filter.draft
    store.getState().setFilterMode('json')
    store.getState().setFilterJson('{ "filters": { "delay": { "gt": 5 } ')
    expect(store.getState().filter.jsonSyntaxError?.message).toBe('expected "," or "}"')
    store.getState().setFilterJson('{ "filters": { "delay": { "gte": 5 } } }')
    expect(store.getState().filter.jsonProblems).toEqual([
      { at: ['filters', 'delay', 'gte'], message: 'unknown operator "gte"' },
    ])
    store.getState().setFilterMode('visual')
    expect(store.getState().filter.mode).toBe('json')
    expect(store.getState().filter.draft).toBe(before)
  })

  it('sends the JSON as written, so the engine error paths match the text', async () => {
    const { store, builds } = setup()
    store.getState().openFilter(FLIGHTS)
    store.getState().setFilterMode('json')
    const written = { filters: { $and: [{ delay: { gte: 5 } }, { nope: 1 }] } }
    store.getState().setFilterJson(JSON.stringify(written))
    await vi.waitFor(() => expect(builds.at(-1)?.select).toEqual(written))
    expect(store.getState().filter.jsonProblems).toHaveLength(1)
    await vi.waitFor(() => expect(store.getState().filter.buildStatus).toBe('failed'))
  })

  it('keeps the engine error with its paths when the build is refused', async () => {
    const { store } = setup()
    store.getState().openFilter(FLIGHTS)
    store.getState().setFilterJson('{ "filters": { "nope": 1 } }')
    await vi.waitFor(() => expect(store.getState().filter.buildStatus).toBe('failed'))
    expect(store.getState().filter.buildError).toMatchObject({ code: 'BAD_INPUT', detail: { path: 'filters.nope' } })
  })

  it('runs the draft as table/select into the result grid, and opens its SQL in the editor', async () => {
    const { store, client } = setup()
    store.getState().openFilter(FLIGHTS)
    await store.getState().runFilter()
    expect(client.tableSelects).toHaveLength(1)
    expect(client.tableSelects[0]).toMatchObject({ table: FLIGHTS, select: { limit: 1000 }, maxRows: null })
    expect(store.getState().result).toMatchObject({
      status: 'done',
      rowCount: 5,
      sql: 'flights.flights',
      table: { table: FLIGHTS },
    })
    await store.getState().loadAllRows()
    expect(client.tableSelects).toHaveLength(2)
    expect(client.queries).toHaveLength(0)
    await store.getState().openFilterAsSql()
    expect(store.getState().editor.pendingInsert?.text).toBe(
      'SELECT * FROM flights.flights WHERE delay > 10 LIMIT 1000;',
    )
    expect(store.getState().filter.shown).toBe(false)
  })

  it('finds the columns of the filtered table in the catalog', () => {
    const { store } = setup()
    const columns = [{ name: 'delay', type: 'integer', nullable: true }]
    store.setState({
      catalog: {
        ...store.getState().catalog,
        sources: [
          {
            name: 'flights',
            fdw: 'postgres_fdw',
            server: 's',
            location: null,
            schema: 'flights',
            tables: [{ ...FLIGHTS, kind: 'view', estimatedRows: 3, columns }],
          },
        ],
      },
    })
    expect(filterColumns(store.getState())).toEqual([])
    store.getState().openFilter(FLIGHTS)
    expect(filterColumns(store.getState())).toEqual(columns)
  })
})
