import type { StateCreator } from 'zustand/vanilla'
import type { EngineClient } from '../client/engine-client'
import type { CatalogSlice } from './catalog-slice'
import type { ConnectionSlice } from './connection-slice'
import type { EditorSlice } from './editor-slice'
import type { ExportSlice } from './export-slice'
import type { FilterSlice } from './filter-slice'
import type { PlanSlice } from './plan-slice'
import type { ResultSlice } from './result-slice'
import type { SourceDialogSlice } from './source-dialog-slice'
import type { SourcesSlice } from './sources-slice'

/** The whole workbench state: one slice per concern, each under its own key, actions at the top level. */
export type WorkbenchState = ConnectionSlice &
  CatalogSlice &
  EditorSlice &
  ResultSlice &
  ExportSlice &
  FilterSlice &
  PlanSlice &
  SourcesSlice &
  SourceDialogSlice

/** Timings of the store; tests shorten them. */
export interface WorkbenchOptions {
  /** Interval between `hub/status` checks. ms. Default 15 000. */
  hubPollMs: number
  /** Interval between `export/status` polls of a running export. ms. Default 250. */
  exportPollMs: number
  /**
   * Wait before streamed batches are shown (the first batch is shown at once); grows with the rows already shown
   * (`flushInterval`). ms. Default 100.
   */
  batchFlushMs: number
  /** Pause after the last filter edit before the SQL is rebuilt (`query/build`). ms. Default 300. */
  filterBuildMs: number
}

/** What every slice is built with: the engine client and the timings. */
export interface SliceDeps {
  client: EngineClient
  options: WorkbenchOptions
}

/** A slice of the bound store, built from the shared dependencies. */
export type SliceCreator<T> = (deps: SliceDeps) => StateCreator<WorkbenchState, [], [], T>
