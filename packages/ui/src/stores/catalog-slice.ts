import type { CatalogSource } from '@idw/engine/api'
import { toErrorView } from './error-view'
import type { ErrorView } from './error-view'
import type { SliceCreator } from './store-types'

/** The source catalog as the sidebar shows it. */
export interface CatalogState {
  status: 'idle' | 'loading' | 'ready' | 'failed'
  sources: CatalogSource[]
  error: ErrorView | null
  /** Text typed in the filter box. */
  filter: string
  /** Nodes the user opened or closed, by key (`source:<name>`, `table:<schema>.<table>`). */
  expanded: Record<string, boolean>
}

/** Catalog state (sources → tables → columns, filter text, open nodes) and its actions. */
export interface CatalogSlice {
  catalog: CatalogState
  /** Reads `catalog/get`. Never rejects: a failure lands in `catalog.error`, the previous sources stay. */
  loadCatalog(): Promise<void>
  setCatalogFilter(filter: string): void
  /** Flips a tree node: `isOpen` is whether it is shown open now (open by default or by an earlier toggle). */
  toggleCatalogNode(key: string, isOpen: boolean): void
}

/** The catalog slice: sources → tables → columns, the filter and which nodes are open. */
export const createCatalogSlice: SliceCreator<CatalogSlice> =
  ({ client }) =>
  (set) => ({
    catalog: { status: 'idle', sources: [], error: null, filter: '', expanded: {} },

    async loadCatalog() {
      set((s) => ({ catalog: { ...s.catalog, status: 'loading', error: null } }))
      try {
        const { sources } = await client.call('catalog/get', {})
        set((s) => ({ catalog: { ...s.catalog, status: 'ready', sources } }))
      } catch (error) {
        set((s) => ({ catalog: { ...s.catalog, status: 'failed', error: toErrorView(error) } }))
      }
    },

    setCatalogFilter(filter) {
      set((s) => ({ catalog: { ...s.catalog, filter } }))
    },

    toggleCatalogNode(key, isOpen) {
      set((s) => ({ catalog: { ...s.catalog, expanded: { ...s.catalog.expanded, [key]: !isOpen } } }))
    },
  })
