import { z } from 'zod'

/** A column of a foreign table or view as the hub sees it. */
export const CatalogColumn = z.object({
  name: z.string(),
  /** PostgreSQL type as `format_type` prints it, e.g. `timestamp with time zone`, `numeric(10,2)`. */
  type: z.string(),
  nullable: z.boolean(),
})
export type CatalogColumn = z.infer<typeof CatalogColumn>

/** A relation people query: `<schema>.<name>`. */
export const CatalogTable = z.object({
  schema: z.string(),
  name: z.string(),
  kind: z.enum(['foreign table', 'view', 'table', 'materialized view']),
  /** Planner estimate (`pg_class.reltuples`), or null when never analyzed. Rows. */
  estimatedRows: z.number().nullable(),
  columns: z.array(CatalogColumn),
})
export type CatalogTable = z.infer<typeof CatalogTable>

/** A configured source: one foreign server and the hub schema holding its tables. */
export const CatalogSource = z.object({
  name: z.string(),
  /** FDW extension name, e.g. `postgres_fdw`. */
  fdw: z.string(),
  /** Foreign server name in the hub. */
  server: z.string(),
  /** Host or file the source reads from, for display; never credentials. */
  location: z.string().nullable(),
  schema: z.string(),
  tables: z.array(CatalogTable),
})
export type CatalogSource = z.infer<typeof CatalogSource>

/** `catalog/get` output. */
export const Catalog = z.object({ sources: z.array(CatalogSource) })
export type Catalog = z.infer<typeof Catalog>
