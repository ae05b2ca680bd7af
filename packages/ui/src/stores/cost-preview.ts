import type { PlanNode } from '@idw/engine/api'

/**
 * The cost preview: before a run, a plain EXPLAIN (which does not run the query) estimates the result; when the
 * estimate passes a threshold the run waits for the user's go-ahead.
 */
export interface CostPreviewSettings {
  enabled: boolean
  /** Estimated result rows from which to ask. Rows. */
  maxRows: number
  /** Estimated total cost from which to ask (planner cost units). */
  maxCost: number
}

/** On, asking from 1 000 000 estimated rows or a total cost of 1 000 000. */
export const COST_PREVIEW_DEFAULTS: CostPreviewSettings = { enabled: true, maxRows: 1_000_000, maxCost: 1_000_000 }

const STORAGE_KEY = 'idw.plan.costPreview'

/** True when a plan's root estimates at least `maxRows` rows or a total cost of at least `maxCost`. */
export function exceedsCostPreview(root: PlanNode, settings: CostPreviewSettings): boolean {
  return (root.planRows ?? 0) >= settings.maxRows || (root.totalCost ?? 0) >= settings.maxCost
}

/** The settings remembered in `localStorage`, else the defaults (fields checked one by one). */
export function readCostPreview(): CostPreviewSettings {
  const stored = readStored()
  const value = typeof stored === 'object' && stored !== null ? (stored as Partial<Record<string, unknown>>) : {}
  const positive = (n: unknown, fallback: number): number => (typeof n === 'number' && n > 0 ? n : fallback)
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : COST_PREVIEW_DEFAULTS.enabled,
    maxRows: positive(value.maxRows, COST_PREVIEW_DEFAULTS.maxRows),
    maxCost: positive(value.maxCost, COST_PREVIEW_DEFAULTS.maxCost),
  }
}

function readStored(): unknown {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as unknown
  } catch {
    return null
  }
}

/** Remembers the settings in `localStorage`; without storage (private windows) they last for this page only. */
export function writeCostPreview(settings: CostPreviewSettings): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(settings))
  } catch {
    // Storage full or disabled: the settings stay in the store for this page.
  }
}
