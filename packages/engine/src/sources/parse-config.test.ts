import { describe, expect, it } from 'vitest'
import { EngineError } from '../api/contract/errors.js'
import { parseSourcesConfig } from './parse-config.js'

const env = { PG_USER: 'analyst', PG_PASS: 's3cr:et #1', SHOP_PASS: 'p@ss' }

/** The design's example, verbatim. */
const DESIGN_EXAMPLE = `sources:
  flights_db:
    extension: postgres_fdw
    server:  { options: { host: db.example.com, port: 5432, dbname: analytics } }
    user_mapping: { options: { user: \${PG_USER}, password: \${PG_PASS} } }
    import_schema: { remote_schema: public, limit_to: [flights] }   # or an explicit tables: list
    cache: { strategy: smart, ttl_seconds: 3600 }
    tags: [production]
  shop: mysql://reader:\${SHOP_PASS}@127.0.0.1:3306/shop
`

function configError(text: string, vars: Record<string, string> = env): EngineError {
  try {
    parseSourcesConfig(text, 'sources.yaml', vars)
  } catch (err) {
    if (err instanceof EngineError) return err
    throw err
  }
  throw new Error('expected CONFIG_INVALID')
}

describe('parseSourcesConfig', () => {
  it('reads the design example, substituting ${ENV} inside flow mappings and URIs', () => {
    expect(parseSourcesConfig(DESIGN_EXAMPLE, 'sources.yaml', env)).toEqual({
      sources: {
        flights_db: {
          name: 'flights_db',
          extension: 'postgres_fdw',
          serverOptions: { host: 'db.example.com', port: '5432', dbname: 'analytics' },
          userMappingOptions: { user: 'analyst', password: 's3cr:et #1' },
          importSchema: { remoteSchema: 'public', limitTo: ['flights'] },
          tables: null,
          cache: { strategy: 'smart', ttlSeconds: 3600 },
          tags: ['production'],
        },
        shop: {
          name: 'shop',
          extension: 'mysql_fdw',
          serverOptions: { host: '127.0.0.1', port: '3306' },
          userMappingOptions: { username: 'reader', password: 'p@ss' },
          importSchema: { remoteSchema: 'shop' },
          tables: null,
          cache: null,
          tags: [],
        },
      },
    })
  })

  it('reads explicit tables with column options, defaults and demo: true', () => {
    const config = parseSourcesConfig(
      `demo: true
sources:
  files:
    extension: file_fdw
    tables:
      - name: airports
        options: { filename: "\${DATA:-/srv/data}/airports.csv", format: csv, header: true }
        columns:
          - { name: iata, type: text }
          - { name: lat, type: double precision, options: { column_name: latitude } }
          - { name: price, type: "numeric(10,2)" }
`,
      'sources.yaml',
      {},
    )
    expect(config.demo).toBe(true)
    expect(config.sources.files).toEqual({
      name: 'files',
      extension: 'file_fdw',
      serverOptions: {},
      userMappingOptions: null,
      importSchema: null,
      tables: [
        {
          name: 'airports',
          options: { filename: '/srv/data/airports.csv', format: 'csv', header: 'true' },
          columns: [
            { name: 'iata', type: 'text', options: {} },
            { name: 'lat', type: 'double precision', options: { column_name: 'latitude' } },
            { name: 'price', type: 'numeric(10,2)', options: {} },
          ],
        },
      ],
      cache: null,
      tags: [],
    })
  })

  it('expands a postgresql:// URI with percent-encoded credentials and a schema', () => {
    const config = parseSourcesConfig(
      'sources:\n  crm: postgresql://r%C3%B6:${CRM_PASS}@10.0.0.5/crm?schema=sales\n',
      'f.yaml',
      { CRM_PASS: 'a/b@c' },
    )
    expect(config.sources.crm).toMatchObject({
      extension: 'postgres_fdw',
      serverOptions: { host: '10.0.0.5', port: '5432', dbname: 'crm' },
      userMappingOptions: { user: 'rö', password: 'a/b@c' },
      importSchema: { remoteSchema: 'sales' },
    })
  })

  it('points a missing environment variable at its line and column', () => {
    const error = configError(DESIGN_EXAMPLE, { PG_USER: 'x', SHOP_PASS: 'y' })
    expect(error.code).toBe('CONFIG_INVALID')
    expect(error.message).toBe('sources.yaml:5:60: environment variable PG_PASS is not set')
    expect(error.detail).toEqual({ file: 'sources.yaml', line: 5, column: 60 })
  })

  it('points a YAML syntax error at its line and column', () => {
    const error = configError('sources:\n  a:\n    extension: postgres_fdw\n   bad: [\n')
    expect(error.code).toBe('CONFIG_INVALID')
    expect(error.detail).toMatchObject({ file: 'sources.yaml', line: 4 })
    expect(error.message).toMatch(/^sources\.yaml:4:\d+: /)
  })

  it('points an unknown key at the key itself', () => {
    const error = configError(
      'sources:\n  a:\n    extension: postgres_fdw\n    import_schema: { remote_schema: public }\n    user_mappings: {}\n',
    )
    expect(error.message).toBe('sources.yaml:5:5: unknown key "user_mappings" in sources.a')
    expect(error.detail).toEqual({ file: 'sources.yaml', line: 5, column: 5, path: 'sources.a.user_mappings' })
  })

  it('points a wrong value at that value', () => {
    const error = configError(
      'sources:\n  a:\n    extension: postgres_fdw\n    import_schema:\n      remote_schema: public\n      limit_to: flights\n',
    )
    expect(error.message).toMatch(/^sources\.yaml:6:17: sources\.a\.import_schema\.limit_to: /)
    expect(error.detail).toMatchObject({ line: 6, column: 17, path: 'sources.a.import_schema.limit_to' })
  })

  it('rejects a column type that is not a type name', () => {
    const error = configError(
      'sources:\n  f:\n    extension: file_fdw\n    tables:\n      - name: t\n        columns:\n          - { name: a, type: "text); DROP TABLE x; --" }\n',
    )
    expect(error.message).toMatch(
      /^sources\.yaml:7:30: sources\.f\.tables\.0\.columns\.0\.type: not a PostgreSQL type name/,
    )
  })

  it('requires exactly one of import_schema and tables', () => {
    const error = configError('sources:\n  a:\n    extension: postgres_fdw\n')
    expect(error.message).toBe('sources.yaml:3:5: sources.a: a source has either import_schema or tables (exactly one)')
  })

  it('refuses import_schema for file_fdw', () => {
    const error = configError('sources:\n  f:\n    extension: file_fdw\n    import_schema: { remote_schema: x }\n')
    expect(error.message).toBe(
      'sources.yaml:4:20: sources.f.import_schema: file_fdw cannot import a schema; list its tables under tables',
    )
  })

  it('refuses source names that are not schema names or are reserved', () => {
    expect(configError('sources:\n  Shop: mysql://u@h/db\n').message).toMatch(
      /^sources\.yaml:2:3: source "Shop": a source name is lower-case/,
    )
    expect(configError('sources:\n  idw: mysql://u@h/db\n').message).toMatch(
      /^sources\.yaml:2:3: source "idw": this source name is reserved/,
    )
    expect(configError('sources:\n  raw_x: mysql://u@h/db\n').message).toMatch(/reserved/)
  })

  it('refuses a password written in plain text', () => {
    const error = configError(
      'sources:\n  a:\n    extension: postgres_fdw\n    user_mapping: { options: { user: u, password: hunter2 } }\n    import_schema: { remote_schema: public }\n',
    )
    expect(error.message).toBe(
      'sources.yaml:4:51: option "password" of source "a" is written in plain text; write it as ${ENV_VAR} so the secret stays out of the file',
    )
    expect(error.message).not.toContain('hunter2')
    expect(configError('sources:\n  shop: mysql://u:hunter2@h/db\n').message).toMatch(
      /^sources\.yaml:2:9: the password of source "shop" is written in plain text/,
    )
  })

  it('accepts an empty password and a password from ${ENV}', () => {
    const text = 'sources:\n  a: mysql://root:@127.0.0.1/shop\n  b: mysql://root:${SHOP_PASS}@127.0.0.1/shop\n'
    const config = parseSourcesConfig(text, 'f.yaml', env)
    expect(config.sources.a?.userMappingOptions).toEqual({ username: 'root', password: '' })
    expect(config.sources.b?.userMappingOptions).toEqual({ username: 'root', password: 'p@ss' })
  })

  it('refuses an unsupported URI scheme and an empty file', () => {
    expect(configError('sources:\n  a: mongodb://h/db\n').message).toMatch(
      /^sources\.yaml:2:6: source "a": unsupported URI scheme "mongodb"/,
    )
    expect(configError('# nothing\n').message).toBe(
      'sources.yaml:1:1: the file is empty; expected a mapping with "sources:"',
    )
  })

  it('reads the single-source form, named after the file unless it says name:', () => {
    const text = `extension: postgres_fdw
server: { options: { host: db, dbname: crm } }
user_mapping: { options: { user: \${PG_USER}, password: \${PG_PASS:-fallback} } }
import_schema: { remote_schema: public, options: { import_default: true } }
`
    expect(parseSourcesConfig(text, '/etc/idw/crm-db.yaml', { PG_USER: 'ana' })).toEqual({
      sources: {
        crm_db: {
          name: 'crm_db',
          extension: 'postgres_fdw',
          serverOptions: { host: 'db', dbname: 'crm' },
          userMappingOptions: { user: 'ana', password: 'fallback' },
          importSchema: { remoteSchema: 'public', options: { import_default: 'true' } },
          tables: null,
          cache: null,
          tags: [],
        },
      },
    })
    expect(Object.keys(parseSourcesConfig(`name: sales\n${text}`, 'x.yaml', { PG_USER: 'a' }).sources)).toEqual([
      'sales',
    ])
    expect(() => parseSourcesConfig(text.replace('user_mapping', 'user_mappings'), 'f.yaml', { PG_USER: 'a' })).toThrow(
      'f.yaml:3:1: unknown key "user_mappings"',
    )
    expect(() => parseSourcesConfig(`name: Bad\n${text}`, 'f.yaml', { PG_USER: 'a' })).toThrow(
      /^f\.yaml:1:7: source "Bad": /,
    )
  })

  it('infers the columns of a file_fdw table written without them, and only there', () => {
    const config = parseSourcesConfig(
      'sources:\n  f:\n    extension: file_fdw\n    tables:\n      - { name: orders, options: { filename: /d/o.csv, format: csv } }\n',
      'f.yaml',
      {},
    )
    expect(config.sources.f?.tables).toEqual([
      { name: 'orders', options: { filename: '/d/o.csv', format: 'csv' }, columns: [], inferColumns: true },
    ])
    expect(configError('sources:\n  p:\n    extension: postgres_fdw\n    tables:\n      - { name: t }\n').message).toBe(
      'sources.yaml:5:9: sources.p.tables.0: list the columns of table "t" (they are inferred only for file_fdw tables with a filename)',
    )
  })

  it('expands file URIs in the sources map', () => {
    const config = parseSourcesConfig('sources:\n  files: file:///d/o.csv?delimiter=;&header=true\n', 'f.yaml', {})
    expect(config.sources.files).toMatchObject({ extension: 'file_fdw', tables: [{ name: 'o', inferColumns: true }] })
  })
})
