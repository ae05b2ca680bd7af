import { describe, expect, it } from 'vitest'
import { compareVersions, FDW_ADAPTERS, fdwAdapter, optionsFor } from './index.js'

const names = (ext: string, major: number, release: string | null): string[] =>
  optionsFor(fdwAdapter(ext), major, release).map((o) => `${o.scope}.${o.name}`)

describe('option catalog', () => {
  it('filters postgres_fdw options by the hub major', () => {
    expect(names('postgres_fdw', 13, null)).not.toContain('server.async_capable')
    expect(names('postgres_fdw', 15, null)).toEqual(
      expect.arrayContaining([
        'server.fetch_size',
        'server.use_remote_estimate',
        'server.async_capable',
        'server.batch_size',
      ]),
    )
    expect(names('postgres_fdw', 15, null)).not.toContain('server.analyze_sampling')
    expect(names('postgres_fdw', 16, null)).toContain('server.analyze_sampling')
    expect(names('postgres_fdw', 17, null)).not.toContain('server.use_scram_passthrough')
    expect(names('postgres_fdw', 18, null)).toEqual(
      expect.arrayContaining(['server.use_scram_passthrough', 'user_mapping.use_scram_passthrough']),
    )
    expect(names('file_fdw', 16, null)).not.toContain('table.on_error')
    expect(names('file_fdw', 17, null)).toContain('table.on_error')
  })

  it('filters mysql_fdw options by the FDW release, keeping them when it is unknown', () => {
    expect(names('mysql_fdw', 15, '2.8.0')).not.toContain('import.import_generated')
    expect(names('mysql_fdw', 15, '2.9.1')).toContain('import.import_generated')
    expect(names('mysql_fdw', 15, null)).toContain('import.import_generated')
    expect(names('mysql_fdw', 15, '2.8.0')).toEqual(
      expect.arrayContaining([
        'server.fetch_size',
        'server.sql_mode',
        'server.character_set',
        'import.import_enum_as_text',
      ]),
    )
  })

  it('describes every option with a type, a description, and enum values where it has them', () => {
    for (const adapter of FDW_ADAPTERS) {
      for (const o of adapter.options) {
        expect(o.description.length, `${adapter.extension}.${o.name}`).toBeGreaterThan(10)
        if (o.type === 'enum') expect(o.values?.length, `${adapter.extension}.${o.name}`).toBeGreaterThan(1)
      }
      expect(adapter.options.filter((o) => o.secret).map((o) => o.name)).toEqual(
        adapter.options.filter((o) => /password$/.test(o.name)).map((o) => o.name),
      )
    }
  })

  it('states the engine defaults in the catalog as the adapters apply them', () => {
    for (const adapter of FDW_ADAPTERS) {
      const defaults = { ...adapter.defaultServerOptions, ...adapter.readOnlyServerOptions }
      const catalog = Object.fromEntries(
        adapter.options
          .filter((o) => o.scope === 'server' && o.engineDefault !== null)
          .map((o) => [o.name, o.engineDefault]),
      )
      expect(catalog, adapter.extension).toEqual(defaults)
    }
  })

  it('compares releases numerically', () => {
    expect(compareVersions('2.10.0', '2.9.1')).toBeGreaterThan(0)
    expect(compareVersions('2.8', '2.8.0')).toBe(0)
    expect(fdwAdapter('jdbc_fdw').debianPackage(16)).toBe('postgresql-16-jdbc-fdw')
    expect(fdwAdapter('tds_fdw').debianPackage(15)).toBe('postgresql-15-tds-fdw')
  })
})
