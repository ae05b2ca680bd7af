import { describe, expect, it } from 'vitest'
import { redactSecrets } from './setup-error.js'
import type { SourceConfig } from './source-config.js'

const source = (password: string): SourceConfig => ({
  name: 's',
  extension: 'postgres_fdw',
  serverOptions: {},
  userMappingOptions: { user: 'u', password },
  importSchema: null,
  tables: null,
  cache: null,
  tags: [],
})

describe('redactSecrets', () => {
  it('masks a long secret wherever it appears, special characters included', () => {
    expect(redactSecrets('auth p@ss#w:rd/? failed (p@ss#w:rd/?)', source('p@ss#w:rd/?'))).toBe('auth *** failed (***)')
  })

  it('masks a short secret only as a whole word, so messages stay readable', () => {
    expect(redactSecrets('role "nouser" does not exist; password x rejected', source('x'))).toBe(
      'role "nouser" does not exist; password *** rejected',
    )
    expect(redactSecrets('a.b* is (a.b*)', source('a.b*'))).toBe('*** is (***)')
  })
})
