import { describe, expect, it } from 'vitest'
import type { SourceConfig } from '../source-config.js'
import { classifyFailure } from './classify-error.js'

const mysql: SourceConfig = {
  name: 'shop',
  extension: 'mysql_fdw',
  serverOptions: { host: 'db.example.com', port: '3306' },
  userMappingOptions: { username: 'reader', password: 'x' },
  importSchema: { remoteSchema: 'shop' },
  tables: null,
  cache: null,
  tags: [],
}
const pg: SourceConfig = {
  ...mysql,
  extension: 'postgres_fdw',
  serverOptions: { host: 'pg.example.com', port: '5432', dbname: 'crm' },
  userMappingOptions: { user: 'ana' },
  importSchema: { remoteSchema: 'sales' },
}
const tds: SourceConfig = { ...mysql, extension: 'tds_fdw', serverOptions: { servername: 'sql', database: 'erp' } }

describe('classifyFailure', () => {
  it.each([
    [
      mysql,
      { sqlstate: 'HV00N', message: "failed to connect to MySQL: Can't connect to server on '127.0.0.1' (115)" },
      'host_unreachable',
      'SOURCE_UNREACHABLE',
    ],
    [
      mysql,
      { sqlstate: 'HV00N', message: "failed to connect to MySQL: Unknown server host 'x.invalid' (-2)" },
      'host_unreachable',
      'SOURCE_UNREACHABLE',
    ],
    [
      mysql,
      { sqlstate: 'HV00N', message: "failed to connect to MySQL: Access denied for user 'reader'@'10.0.0.1'" },
      'auth_failed',
      'SOURCE_AUTH_FAILED',
    ],
    [
      mysql,
      { sqlstate: 'HV00Q', message: 'schema "shop" is not present on foreign server "x"' },
      'database_missing',
      'SOURCE_NOT_FOUND',
    ],
    [
      pg,
      {
        sqlstate: '08001',
        message: 'could not connect to server "x"',
        detail: 'connection to server at "127.0.0.1", port 1 failed: Connection refused',
      },
      'host_unreachable',
      'SOURCE_UNREACHABLE',
    ],
    [
      pg,
      {
        sqlstate: '08001',
        message: 'could not connect to server "x"',
        detail: 'FATAL:  password authentication failed for user "ana"',
      },
      'auth_failed',
      'SOURCE_AUTH_FAILED',
    ],
    [
      pg,
      {
        sqlstate: '08001',
        message: 'could not connect to server "x"',
        detail: 'FATAL:  database "crm" does not exist',
      },
      'database_missing',
      'SOURCE_NOT_FOUND',
    ],
    [
      pg,
      { sqlstate: 'HV00Q', message: 'schema "sales" is not present on foreign server "x"' },
      'schema_missing',
      'SOURCE_NOT_FOUND',
    ],
    [
      pg,
      { sqlstate: '57014', message: 'canceling statement due to statement timeout' },
      'timeout',
      'SOURCE_UNREACHABLE',
    ],
    [
      tds,
      {
        message:
          'DB-Library error: DB #: 20009, DB Msg: Unable to connect: Adaptive Server is unavailable or does not exist',
      },
      'host_unreachable',
      'SOURCE_UNREACHABLE',
    ],
    [
      tds,
      { message: "DB-Library error: DB #: 20018, DB Msg: General SQL Server error: Login failed for user 'sa'." },
      'auth_failed',
      'SOURCE_AUTH_FAILED',
    ],
    [
      tds,
      { message: 'DB-Library error: DB #: 20018, DB Msg: Cannot open database "erp" requested by the login.' },
      'database_missing',
      'SOURCE_NOT_FOUND',
    ],
    [
      pg,
      { sqlstate: '58P01', message: 'could not open file "/d/x.csv" for reading: No such file or directory' },
      'file_missing',
      'SOURCE_NOT_FOUND',
    ],
    [
      pg,
      { sqlstate: '42501', message: 'could not open file "/d/x.csv" for reading: Permission denied' },
      'permission_denied',
      'SOURCE_AUTH_FAILED',
    ],
    [
      pg,
      { sqlstate: '22P02', message: 'invalid input syntax for type integer: "n/a"' },
      'data_invalid',
      'SOURCE_SETUP_FAILED',
    ],
    [pg, { sqlstate: 'XX000', message: 'something else' }, 'failed', 'SOURCE_SETUP_FAILED'],
  ] as const)('reads %#: %j as %s', (source, failure, verdict, code) => {
    expect(classifyFailure(source, failure)).toMatchObject({ verdict, code })
  })

  it('names the location and user, and says what to do', () => {
    const found = classifyFailure(mysql, { message: "failed to connect to MySQL: Access denied for user 'reader'@'h'" })
    expect(found.message).toBe(
      `db.example.com:3306/shop refused user "reader": failed to connect to MySQL: Access denied for user 'reader'@'h'`,
    )
    expect(found.action).toMatch(/'user'@'host' in MySQL/)
  })

  it('explains an unknown option with the valid ones (from the hint, else the catalog) and the closest name', () => {
    const fromHint = classifyFailure(
      pg,
      {
        sqlstate: 'HV00D',
        message: 'invalid option "fech_size"',
        hint: 'Valid options in this context are: host, port, fetch_size',
      },
      'create server',
    )
    expect(fromHint).toMatchObject({
      verdict: 'option_invalid',
      code: 'SOURCE_OPTION_INVALID',
      message: 'postgres_fdw has no server option "fech_size"',
      action: 'did you mean "fetch_size"? Valid server options: host, port, fetch_size.',
      validOptions: ['host', 'port', 'fetch_size'],
    })
    const fromCatalog = classifyFailure(
      pg,
      { sqlstate: 'HV00D', message: 'invalid option "analyze_sampling"' },
      'create server',
    )
    expect(fromCatalog.message).toBe(
      'postgres_fdw has no server option "analyze_sampling" on this hub (it exists from PostgreSQL 16)',
    )
    expect(fromCatalog.validOptions).toContain('fetch_size')
    expect(
      classifyFailure(pg, { sqlstate: '22023', message: 'invalid value for integer option "fetch_size": x' }).verdict,
    ).toBe('option_invalid')
  })

  it('reads a missing LIMIT TO table at view creation', () => {
    expect(
      classifyFailure(pg, { sqlstate: '42P01', message: 'relation "raw_shop.nope" does not exist' }, 'create view'),
    ).toMatchObject({
      verdict: 'table_missing',
      message: expect.stringMatching(/^a table listed in limit_to was not found in remote schema "sales"/),
    })
  })
})
