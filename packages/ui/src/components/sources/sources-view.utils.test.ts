import { describe, expect, it } from 'vitest'
import { cardFacts, cardStatus, fdwIcon, fdwTone, formatAgo } from './source-card.utils'
import { summarizeChanges } from './source-changes.utils'
import { filterRemoteTables, initialSelection, limitToOf, withSelection } from './remote-tables.utils'
import type { RemoteTable } from './remote-tables.utils'
import { CONNECTED, sourceCard } from './testing/source-cards.fixture'
import { verdictView } from './verdict.utils'

describe('verdict → message', () => {
  it('says connected with the engine’s sentence and the latency', () => {
    const view = verdictView({ ...CONNECTED, latencyMs: 155.4 })
    expect(view).toEqual({
      tone: 'ok',
      title: 'Connected',
      message: 'connected to 127.0.0.1:3306/shop: 3 tables',
      action: null,
      latency: '155 ms',
      facts: [],
    })
  })

  it('names an authentication failure with what to do and the FDW’s words first', () => {
    const view = verdictView({
      ok: false,
      verdict: 'auth_failed',
      code: 'SOURCE_AUTH_FAILED',
      message: '127.0.0.1:3306/shop refused user "reader"',
      action: 'Check the user name and password.',
      detail: {
        sqlstate: 'HV00N',
        statement: 'IMPORT FOREIGN SCHEMA …',
        pgMessage: 'Access denied',
        extra: 'x',
        hint: '',
      },
      latencyMs: 1520,
      remoteTables: null,
    })
    expect(view.tone).toBe('error')
    expect(view.title).toBe('Authentication failed')
    expect(view.action).toBe('Check the user name and password.')
    expect(view.latency).toBe('1.52 s')
    expect(view.facts).toEqual([
      { label: 'FDW says', value: 'Access denied' },
      { label: 'SQLSTATE', value: 'HV00N' },
      { label: 'Statement', value: 'IMPORT FOREIGN SCHEMA …' },
      { label: 'extra', value: 'x' },
    ])
  })

  it('marks what the form can fix as a warning and an unreachable host or missing FDW as an error', () => {
    const base = { ok: false, code: 'X', message: 'm', action: 'a', detail: null, latencyMs: 3, remoteTables: null }
    expect(verdictView({ ...base, verdict: 'option_invalid' })).toMatchObject({ tone: 'warn', title: 'Invalid option' })
    expect(verdictView({ ...base, verdict: 'host_unreachable' })).toMatchObject({
      tone: 'error',
      title: 'Host unreachable',
    })
    expect(verdictView({ ...base, verdict: 'fdw_missing' }).title).toBe('FDW not installed')
    expect(verdictView({ ...base, verdict: 'file_missing' }).title).toBe('File not found')
    expect(verdictView({ ...base, verdict: 'database_missing' }).title).toBe('Database not found')
  })
})

describe('change summary', () => {
  it('counts and lists tables and columns added, removed and retyped', () => {
    const summary = summarizeChanges({
      unchanged: false,
      tablesAdded: ['orders'],
      tablesRemoved: [],
      columnsAdded: [{ table: 'penguins', column: 'year', type: 'integer' }],
      columnsRemoved: [
        { table: 'penguins', column: 'sex', type: 'text' },
        { table: 'movies', column: 'votes', type: 'integer' },
      ],
      columnsRetyped: [{ table: 'penguins', column: 'body_mass_g', from: 'integer', to: 'bigint' }],
    })
    expect(summary.headline).toBe('1 table added, 1 column added, 2 columns removed, 1 column retyped')
    expect(summary.lines).toEqual([
      { kind: 'added', text: 'table orders' },
      { kind: 'added', text: 'penguins.year integer' },
      { kind: 'removed', text: 'penguins.sex text' },
      { kind: 'removed', text: 'movies.votes integer' },
      { kind: 'retyped', text: 'penguins.body_mass_g: integer → bigint' },
    ])
  })

  it('says when nothing changed', () => {
    const none = { tablesAdded: [], tablesRemoved: [], columnsAdded: [], columnsRemoved: [], columnsRetyped: [] }
    expect(summarizeChanges({ unchanged: true, ...none })).toEqual({ headline: 'No changes', lines: [] })
  })
})

describe('table picker', () => {
  const col = (name: string) => ({ name, type: 'text', nullable: true })
  const tables: RemoteTable[] = [
    { name: 'movies', columns: [col('title'), col('director')], imported: false },
    { name: 'penguins', columns: [col('species')], imported: false },
    { name: 'rated_movies', columns: [col('title')], imported: false },
  ]

  it('filters by table or column name', () => {
    expect(filterRemoteTables(tables, ' MOVIES').map((t) => t.name)).toEqual(['movies', 'rated_movies'])
    expect(filterRemoteTables(tables, 'species').map((t) => t.name)).toEqual(['penguins'])
    expect(filterRemoteTables(tables, '')).toHaveLength(3)
  })

  it('starts with the URI’s tables (or all), imports all without LIMIT TO and keeps the remote order', () => {
    expect(initialSelection(tables, null)).toEqual(['movies', 'penguins', 'rated_movies'])
    expect(initialSelection(tables, ['penguins', 'gone'])).toEqual(['penguins'])
    expect(initialSelection(tables, ['gone'])).toEqual(['movies', 'penguins', 'rated_movies'])
    expect(limitToOf(tables, ['rated_movies', 'movies', 'penguins'])).toBeNull()
    expect(limitToOf(tables, ['penguins', 'movies'])).toEqual(['movies', 'penguins'])
    expect(withSelection(tables, ['penguins'], ['rated_movies', 'movies'], true)).toEqual([
      'movies',
      'penguins',
      'rated_movies',
    ])
    expect(withSelection(tables, ['movies', 'penguins'], ['movies'], false)).toEqual(['penguins'])
  })
})

describe('source cards', () => {
  const card = sourceCard({
    tables: 1,
    status: 'failed',
    statusMessage: 'cannot reach 127.0.0.1:3306',
    appliedAt: '2025-01-01T10:00:00Z',
  })
  const now = Date.parse('2025-01-01T10:05:00Z')

  it('says status, table count, origin and age', () => {
    expect(cardStatus(card)).toEqual({ tone: 'error', label: 'Failed', title: 'cannot reach 127.0.0.1:3306' })
    expect(cardFacts(card, now)).toBe('1 table · added here · added 5 min ago')
    expect(cardFacts({ ...card, tables: 2, origin: 'config', refreshedAt: '2025-01-01T10:04:50Z' }, now)).toBe(
      '2 tables · config file · refreshed just now',
    )
    expect(formatAgo('2024-12-30T10:05:00Z', now)).toBe('2 days ago')
    expect(fdwTone('ogr_fdw')).toBe('file')
    expect([fdwIcon('file_fdw'), fdwIcon('ogr_fdw'), fdwIcon('mysql_fdw')]).toEqual(['table', 'layers', 'database'])
  })
})
