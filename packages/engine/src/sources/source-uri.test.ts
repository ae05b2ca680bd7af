import { describe, expect, it } from 'vitest'
import { parseSourceUri, uriPassword } from './source-uri.js'
import { splitUri } from './uri-parts.js'

const SPECIAL = 'p@ss#w:rd/?'

describe('splitUri', () => {
  it('reads a percent-encoded password with every special character', () => {
    const parts = splitUri(`mysql://reader:${encodeURIComponent(SPECIAL)}@127.0.0.1:3306/shop`)
    expect(parts).toEqual({
      scheme: 'mysql',
      user: 'reader',
      password: SPECIAL,
      host: '127.0.0.1',
      port: '3306',
      path: 'shop',
      params: [],
    })
  })

  it('reads the same password pasted raw, ending the user info at the last @ before host and /', () => {
    expect(splitUri(`mysql://reader:${SPECIAL}@db.example.com/shop`)).toMatchObject({
      user: 'reader',
      password: SPECIAL,
      host: 'db.example.com',
      path: 'shop',
    })
  })

  it('keeps a raw % that starts no escape, decodes UTF-8 escapes, leaves + alone', () => {
    expect(splitUri('postgresql://r%C3%B6:50%off+1@h/db').password).toBe('50%off+1')
    expect(splitUri('postgresql://r%C3%B6:x@h/db').user).toBe('rö')
  })

  it('reads IPv6 hosts, no password, an @ inside the query, and decoded query values', () => {
    expect(splitUri('postgresql://u@[::1]:5433/db?application_name=a%40b&sslmode=require')).toEqual({
      scheme: 'postgresql',
      user: 'u',
      password: null,
      host: '::1',
      port: '5433',
      path: 'db',
      params: [
        ['application_name', 'a@b'],
        ['sslmode', 'require'],
      ],
    })
    expect(splitUri('postgresql://h/db?x=a@b').host).toBe('h')
  })

  it('keeps a file path and its options, ; and %09 included', () => {
    expect(splitUri('file:///data/my%20orders.csv?format=csv&header=true&delimiter=;')).toEqual({
      scheme: 'file',
      user: '',
      password: null,
      host: '',
      port: '',
      path: '/data/my orders.csv',
      params: [
        ['format', 'csv'],
        ['header', 'true'],
        ['delimiter', ';'],
      ],
    })
    expect(() => splitUri('file://data.csv')).toThrow(/absolute path/)
  })

  it('never puts the URI in its errors', () => {
    expect(() => splitUri('mysql://u:hunter2@bad host/db')).toThrow(/^cannot read host and port/)
    try {
      splitUri('mysql://u:hunter2@bad host/db')
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2')
    }
  })
})

describe('parseSourceUri', () => {
  it('maps postgresql:// to postgres_fdw with schema, tables, import and server options', () => {
    expect(
      parseSourceUri(
        'crm',
        'postgresql://ana:s3cret@10.0.0.5/crm?schema=sales&tables=orders,customers&import_default=true&fetch_size=5000',
      ),
    ).toEqual({
      name: 'crm',
      extension: 'postgres_fdw',
      serverOptions: { host: '10.0.0.5', port: '5432', dbname: 'crm', fetch_size: '5000' },
      userMappingOptions: { user: 'ana', password: 's3cret' },
      importSchema: {
        remoteSchema: 'sales',
        limitTo: ['orders', 'customers'],
        options: { import_default: 'true' },
      },
      tables: null,
      cache: null,
      tags: [],
    })
  })

  it('maps mysql:// and mariadb:// to mysql_fdw importing the database, with a special password', () => {
    const uri = `mariadb://reader:${encodeURIComponent(SPECIAL)}@127.0.0.1/shop?sql_mode=ANSI_QUOTES`
    expect(parseSourceUri('shop', uri)).toMatchObject({
      extension: 'mysql_fdw',
      serverOptions: { host: '127.0.0.1', port: '3306', sql_mode: 'ANSI_QUOTES' },
      userMappingOptions: { username: 'reader', password: SPECIAL },
      importSchema: { remoteSchema: 'shop' },
    })
    expect(uriPassword(uri)).toBe(SPECIAL)
  })

  it('maps sqlserver:// to tds_fdw importing dbo', () => {
    expect(parseSourceUri('erp', 'sqlserver://sa:pw@sql.example.com/erp')).toMatchObject({
      extension: 'tds_fdw',
      serverOptions: { servername: 'sql.example.com', port: '1433', database: 'erp' },
      userMappingOptions: { username: 'sa', password: 'pw' },
      importSchema: { remoteSchema: 'dbo' },
    })
  })

  it('maps a CSV file URI to one file_fdw table whose columns are inferred', () => {
    expect(parseSourceUri('files', 'file:///data/orders.csv?format=csv&header=true&delimiter=;&null=NA')).toEqual({
      name: 'files',
      extension: 'file_fdw',
      serverOptions: {},
      userMappingOptions: null,
      importSchema: null,
      tables: [
        {
          name: 'orders',
          options: { filename: '/data/orders.csv', format: 'csv', header: 'true', delimiter: ';', null: 'NA' },
          columns: [],
          inferColumns: true,
        },
      ],
      cache: null,
      tags: [],
    })
    expect(parseSourceUri('f', 'file:///d/Sales%202024.tsv').tables?.[0]).toMatchObject({
      name: 'sales_2024',
      options: { filename: '/d/Sales 2024.tsv', format: 'csv', delimiter: '\t' },
    })
  })

  it('maps spreadsheets, GeoJSON and SQLite files to ogr_fdw importing every layer', () => {
    expect(parseSourceUri('book', 'file:///data/book.xlsx?header=true&tables=sales')).toMatchObject({
      extension: 'ogr_fdw',
      serverOptions: { datasource: '/data/book.xlsx', format: 'XLSX', config_options: 'OGR_XLSX_HEADERS=FORCE' },
      importSchema: { remoteSchema: 'ogr_all', limitTo: ['sales'] },
      userMappingOptions: null,
    })
    expect(parseSourceUri('geo', 'file:///data/capitals.geojson').serverOptions).toEqual({
      datasource: '/data/capitals.geojson',
      format: 'GeoJSON',
    })
    expect(parseSourceUri('csvogr', 'file:///data/a.csv?fdw=ogr_fdw').extension).toBe('ogr_fdw')
  })

  it('explains what is missing or unsupported', () => {
    expect(() => parseSourceUri('a', 'mysql://u:p@h')).toThrow('the URI names no database (…/database)')
    expect(() => parseSourceUri('a', 'mongodb://h/db')).toThrow(/unsupported URI scheme "mongodb"/)
    expect(() => parseSourceUri('a', 'file:///data/a.parquet')).toThrow(/unknown file format "parquet"/)
  })
})
