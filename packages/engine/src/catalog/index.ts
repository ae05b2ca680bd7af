export { readCatalog } from './read-catalog.js'
