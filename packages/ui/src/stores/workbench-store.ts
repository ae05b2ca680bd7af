import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { EngineClient } from '../client/engine-client'
import { createCatalogSlice } from './catalog-slice'
import { createConnectionSlice } from './connection-slice'
import { createEditorSlice } from './editor-slice'
import { createExportSlice } from './export-slice'
import { createFilterSlice } from './filter-slice'
import { createPlanSlice } from './plan-slice'
import { createResultSlice } from './result-slice'
import { createSourceDialogSlice } from './source-dialog-slice'
import { createSourcesSlice } from './sources-slice'
import type { WorkbenchOptions, WorkbenchState } from './store-types'

const DEFAULT_OPTIONS: WorkbenchOptions = {
  hubPollMs: 15_000,
  exportPollMs: 250,
  batchFlushMs: 100,
  filterBuildMs: 300,
}

/** The bound workbench store (vanilla zustand): React binds to it through `WorkbenchProvider`. */
export type WorkbenchStore = StoreApi<WorkbenchState>

/**
 * Builds the one workbench store from its slices (connection/health, catalog, editor, results, exports, filter
 * builder, plans, sources and the "Add source" dialog), all talking to the engine through `client`. `options` shortens timings in tests.
 */
export function createWorkbenchStore(client: EngineClient, options: Partial<WorkbenchOptions> = {}): WorkbenchStore {
  const deps = { client, options: { ...DEFAULT_OPTIONS, ...options } }
  return createStore<WorkbenchState>()((...args) => ({
    ...createConnectionSlice(deps)(...args),
    ...createCatalogSlice(deps)(...args),
    ...createEditorSlice(deps)(...args),
    ...createResultSlice(deps)(...args),
    ...createExportSlice(deps)(...args),
    ...createFilterSlice(deps)(...args),
    ...createPlanSlice(deps)(...args),
    ...createSourcesSlice(deps)(...args),
    ...createSourceDialogSlice(deps)(...args),
  }))
}
