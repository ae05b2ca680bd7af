import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import type { WorkbenchState } from './store-types'
import type { WorkbenchStore } from './workbench-store'

const WorkbenchContext = createContext<WorkbenchStore | null>(null)

/** Makes `store` available to `useWorkbench` below it. */
export function WorkbenchProvider({ store, children }: { store: WorkbenchStore; children: ReactNode }) {
  return <WorkbenchContext.Provider value={store}>{children}</WorkbenchContext.Provider>
}

/**
 * Reads one value of the workbench store and re-renders when it changes: `useWorkbench((s) => s.result.rowCount)`.
 * @throws Error when used outside `WorkbenchProvider` (a wiring bug).
 */
export function useWorkbench<T>(selector: (state: WorkbenchState) => T): T {
  return useStore(useWorkbenchApi(), selector)
}

/**
 * The store itself, for reading a value once without subscribing (e.g. an editor's initial text).
 * @throws Error when used outside `WorkbenchProvider` (a wiring bug).
 */
export function useWorkbenchApi(): WorkbenchStore {
  const store = useContext(WorkbenchContext)
  if (store === null) throw new Error('useWorkbenchApi must be used inside <WorkbenchProvider>')
  return store
}
