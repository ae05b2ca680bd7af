import { describe, expect, it } from 'vitest'
import { EngineError } from '../../api/contract/errors.js'
import { SourceDraft } from '../../api/contract/sources.js'
import { resolveDraft } from './draft.js'
import { parseUriToForm } from './parse-uri.js'

const PASSWORD = 'p@ss#w:rd/?'

function badInput(run: () => unknown): EngineError {
  try {
    run()
  } catch (err) {
    if (err instanceof EngineError && err.code === 'BAD_INPUT') return err
    throw err
  }
  throw new Error('expected BAD_INPUT')
}

describe('resolveDraft', () => {
  it('sends a URI password to the vault and records only its reference', () => {
    const draft = SourceDraft.parse({
      kind: 'uri',
      name: 'shop',
      uri: `mysql://reader:${encodeURIComponent(PASSWORD)}@db:3306/shop`,
      limitTo: ['orders'],
      serverOptions: { fetch_size: 500 },
      importOptions: { import_not_null: false },
    })
    expect(resolveDraft(draft, {})).toEqual({
      source: {
        name: 'shop',
        extension: 'mysql_fdw',
        serverOptions: { host: 'db', port: '3306', fetch_size: '500' },
        userMappingOptions: { username: 'reader', password: PASSWORD },
        importSchema: { remoteSchema: 'shop', limitTo: ['orders'], options: { import_not_null: 'false' } },
        tables: null,
        cache: null,
        tags: [],
      },
      secretRefs: { 'user_mapping.password': 'vault:source:shop:user_mapping:password' },
      vaultWrites: [['source:shop:user_mapping:password', PASSWORD]],
    })
  })

  it('reads a ${NAME} password from the environment and writes nothing to the vault', () => {
    const draft = SourceDraft.parse({
      kind: 'uri',
      name: 'crm',
      uri: 'postgresql://ana@pg/crm',
      password: '${CRM_PASS}',
    })
    const resolved = resolveDraft(draft, { CRM_PASS: 's3cret' })
    expect(resolved.source.userMappingOptions).toEqual({ user: 'ana', password: 's3cret' })
    expect(resolved.secretRefs).toEqual({ 'user_mapping.password': 'env:CRM_PASS' })
    expect(resolved.vaultWrites).toEqual([])
    expect(badInput(() => resolveDraft(draft, {})).message).toBe(
      "environment variable CRM_PASS is not set in the engine's environment",
    )
  })

  it('makes a form into a source, file_fdw tables without columns inferred', () => {
    const draft = SourceDraft.parse({
      kind: 'form',
      name: 'files',
      extension: 'file_fdw',
      tables: [{ name: 'orders', options: { filename: '/d/o.csv', format: 'csv', header: true } }],
    })
    expect(resolveDraft(draft, {}).source).toMatchObject({
      userMappingOptions: null,
      importSchema: null,
      tables: [
        {
          name: 'orders',
          options: { filename: '/d/o.csv', format: 'csv', header: 'true' },
          columns: [],
          inferColumns: true,
        },
      ],
    })
  })

  it('refuses what cannot work, before the hub is touched', () => {
    expect(
      badInput(() =>
        resolveDraft(SourceDraft.parse({ kind: 'uri', name: 'a', uri: 'file:///d/a.csv', limitTo: ['x'] }), {}),
      ).message,
    ).toBe('limitTo applies to sources that import a schema, not to file_fdw')
    expect(
      badInput(() =>
        resolveDraft(
          SourceDraft.parse({ kind: 'form', name: 'a', extension: 'file_fdw', importSchema: { remoteSchema: 'x' } }),
          {},
        ),
      ).message,
    ).toBe('file_fdw cannot import a schema; give its tables')
    expect(
      badInput(() =>
        resolveDraft(
          SourceDraft.parse({ kind: 'form', name: 'a', extension: 'postgres_fdw', tables: [{ name: 't' }] }),
          {},
        ),
      ).detail,
    ).toEqual({ issues: [{ path: 'source.tables.0.columns', message: expect.stringMatching(/^list the columns/) }] })
    const err = badInput(() =>
      resolveDraft(SourceDraft.parse({ kind: 'uri', name: 'a', uri: `mysql://u:${PASSWORD}` }), {}),
    )
    expect(err.message).toMatch(/^invalid URI: /)
    expect(err.message).not.toContain(PASSWORD)
  })

  it('validates drafts with the contract: names, kinds, exactly one of importSchema and tables', () => {
    expect(SourceDraft.safeParse({ kind: 'uri', name: 'Bad', uri: 'mysql://h/db' }).success).toBe(false)
    expect(SourceDraft.safeParse({ kind: 'form', name: 'a', extension: 'mongo_fdw', tables: [] }).success).toBe(false)
    expect(SourceDraft.safeParse({ kind: 'form', name: 'a', extension: 'postgres_fdw' }).success).toBe(false)
    expect(SourceDraft.safeParse({ kind: 'uri', name: 'a', uri: 'mysql://h/db', extra: 1 }).success).toBe(false)
  })
})

describe('parseUriToForm', () => {
  it('fills the form from a URI without the password and suggests a name', () => {
    expect(
      parseUriToForm({ uri: `postgresql://ana:${encodeURIComponent(PASSWORD)}@pg.example.com/Sales-2024?schema=eu` }),
    ).toEqual({
      draft: {
        kind: 'form',
        name: 'sales_2024',
        extension: 'postgres_fdw',
        serverOptions: { host: 'pg.example.com', port: '5432', dbname: 'Sales-2024' },
        userMappingOptions: { user: 'ana' },
        importSchema: { remoteSchema: 'eu' },
      },
      hasPassword: true,
      suggestedName: 'sales_2024',
      location: 'pg.example.com:5432/Sales-2024',
    })
    expect(parseUriToForm({ uri: 'file:///data/Q1 orders.csv' })).toMatchObject({
      suggestedName: 'q1_orders',
      hasPassword: false,
      draft: { extension: 'file_fdw', tables: [{ name: 'q1_orders', options: { filename: '/data/Q1 orders.csv' } }] },
    })
    expect(parseUriToForm({ uri: 'mysql://u@h/public' }).suggestedName).toBe('public_source')
  })
})
