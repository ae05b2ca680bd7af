import type { CatalogSource } from '@idw/engine/api'

/**
 * Test support (not part of the app): a catalog like the demo workspace's, a PostgreSQL source and a file source
 * with two tables that share a column name (`iata`) and a column needing quotes (`State`).
 */
export const CATALOG_SOURCES: CatalogSource[] = [
  {
    name: 'flights',
    fdw: 'postgres_fdw',
    server: 'flights',
    location: '127.0.0.1:5432/demo_remote',
    schema: 'flights',
    tables: [
      {
        schema: 'flights',
        name: 'flights',
        kind: 'view',
        estimatedRows: 3_000_000,
        columns: [
          { name: 'origin', type: 'text', nullable: true },
          { name: 'delay', type: 'integer', nullable: true },
        ],
      },
    ],
  },
  {
    name: 'files',
    fdw: 'file_fdw',
    server: 'files',
    location: 'airports.csv',
    schema: 'files',
    tables: [
      {
        schema: 'files',
        name: 'airports',
        kind: 'view',
        estimatedRows: 3376,
        columns: [
          { name: 'iata', type: 'text', nullable: false },
          { name: 'State', type: 'text', nullable: true },
        ],
      },
      {
        schema: 'files',
        name: 'carriers',
        kind: 'view',
        estimatedRows: null,
        columns: [{ name: 'iata', type: 'text', nullable: false }],
      },
    ],
  },
]
