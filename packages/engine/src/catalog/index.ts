export { listSourceCards } from './list-sources.js'
export { readCatalog } from './read-catalog.js'
export { readSchemaTables } from './schema-tables.js'
export type { SchemaTable } from './schema-tables.js'
