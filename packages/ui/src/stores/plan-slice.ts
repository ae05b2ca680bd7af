import type { ExplainAnalysis } from '@idw/engine/api'
import type { ColorMetric } from '../components/plan/plan-color.utils'
import { toErrorView } from './error-view'
import type { ErrorView } from './error-view'
import { COST_PREVIEW_DEFAULTS, exceedsCostPreview, readCostPreview, writeCostPreview } from './cost-preview'
import type { CostPreviewSettings } from './cost-preview'
import { currentRunTarget, describeRunTarget } from './run-target'
import type { RunTarget } from './run-target'
import type { SliceCreator } from './store-types'

/** One plan as the plan view shows it, with what was explained. */
export interface PlanEntry {
  analysis: ExplainAnalysis
  /** The statement explained (`$n` parameters for a filter), or null for a pasted plan. */
  sql: string | null
  parameters: unknown[]
  /** `explain`: EXPLAIN; `analyze`: EXPLAIN ANALYZE (the query ran); `paste`: parsed from pasted text. */
  origin: 'explain' | 'analyze' | 'paste'
  /** Short name for tabs and the comparison: the statement's first line or `schema.table (filter)`. */
  title: string
  /** `Date.now()` when it arrived. ms. */
  at: number
}

/** A run held back by the cost preview: what would run and what plain EXPLAIN estimated. */
export interface PendingRun {
  target: RunTarget
  entry: PlanEntry
}

/** Which view of the plan panel is open. */
export type PlanView = 'tree' | 'table' | 'text' | 'json' | 'compare'

/** Plans, the plan view's choices, and the cost preview before runs. */
export interface PlanState {
  status: 'idle' | 'explaining' | 'ready' | 'failed'
  /** The plan shown, and the one before it (kept for the comparison). */
  current: PlanEntry | null
  previous: PlanEntry | null
  error: ErrorView | null
  /** True once the user agreed, this session, that EXPLAIN ANALYZE runs the query. */
  analyzeConfirmed: boolean
  /** An EXPLAIN ANALYZE waiting for that agreement (the confirm dialog is open). */
  analyzePending: RunTarget | null
  colorBy: ColorMetric
  view: PlanView
  selectedNodeId: number | null
  /** True while the results area shows the Plan tab. */
  shown: boolean
  costPreview: CostPreviewSettings
  /** True while the cost preview's EXPLAIN runs before a run. */
  previewing: boolean
  pendingRun: PendingRun | null
}

/** Plan view state (current and previous plan, view, colouring, cost preview) and the EXPLAIN actions. */
export interface PlanSlice {
  plan: PlanState
  /**
   * EXPLAINs `target` (`plan/explain`) and shows the plan, keeping the one before for comparison. With
   * `analyze` it RUNS the query (ANALYZE, BUFFERS): the first time in a session it waits in `analyzePending`
   * for `confirmAnalyze`. Never rejects: a failure lands in `plan.error`.
   */
  explain(target: RunTarget, options?: { analyze?: boolean }): Promise<void>
  /** EXPLAINs what Run would run now (`currentRunTarget`). */
  explainCurrent(options?: { analyze?: boolean }): Promise<void>
  confirmAnalyze(): Promise<void>
  cancelAnalyze(): void
  /** Parses a plan pasted as text or JSON (`plan/parse`) and shows it like an explained one. */
  pastePlan(text: string): Promise<void>
  /**
   * Runs `target` into the result grid (SQL through `runQuery`, a filter through `runTableSelect`). With the cost
   * preview on, a plain EXPLAIN runs first and a run over the thresholds waits in `pendingRun`.
   */
  runTarget(target: RunTarget): Promise<void>
  /** Runs what Run would run now (`currentRunTarget`), through the cost preview. */
  runCurrent(): Promise<void>
  confirmPendingRun(): Promise<void>
  cancelPendingRun(): void
  /** Shows the pending run's estimated plan in the Plan tab (the run stays pending). */
  showPendingPlan(): void
  setCostPreview(settings: Partial<CostPreviewSettings>): void
  setPlanColorBy(metric: ColorMetric): void
  setPlanView(view: PlanView): void
  selectPlanNode(id: number | null): void
  showPlan(shown: boolean): void
  /** Swaps the shown plan with the previous one. */
  swapPlans(): void
}

/** The plan slice: EXPLAIN, pasted plans, the plan view's state and the cost preview gate before runs. */
export const createPlanSlice: SliceCreator<PlanSlice> =
  ({ client }) =>
  (set, get) => {
    let seq = 0
    const patch = (fields: Partial<PlanState>): void => set(({ plan }) => ({ plan: { ...plan, ...fields } }))
    const show = (entry: PlanEntry): void =>
      set(({ plan }) => ({
        plan: {
          ...plan,
          status: 'ready',
          previous: plan.current ?? plan.previous,
          current: entry,
          error: null,
          selectedNodeId: null,
          shown: true,
          view: plan.view === 'compare' && plan.current === null ? 'tree' : plan.view,
        },
      }))
    const explainEntry = async (target: RunTarget, analyze: boolean): Promise<PlanEntry> => {
      const input = target.kind === 'sql' ? { sql: target.sql } : { table: target.table, select: target.select }
      const output = await client.call('plan/explain', { ...input, analyze, buffers: analyze })
      const { sql, parameters, analyzed, ...analysis } = output
      const origin = analyzed ? 'analyze' : 'explain'
      return { analysis, sql, parameters, origin, title: describeRunTarget(target), at: Date.now() }
    }
    const start = (target: RunTarget): Promise<void> =>
      target.kind === 'sql'
        ? get().runQuery({ sql: target.sql })
        : get().runTableSelect({ table: target.table, select: target.select })

    return {
      plan: {
        status: 'idle',
        current: null,
        previous: null,
        error: null,
        analyzeConfirmed: false,
        analyzePending: null,
        colorBy: 'time',
        view: 'tree',
        selectedNodeId: null,
        shown: false,
        costPreview: readCostPreview(),
        previewing: false,
        pendingRun: null,
      },

      async explain(target, options = {}) {
        const analyze = options.analyze === true
        if (analyze && !get().plan.analyzeConfirmed) return patch({ analyzePending: target })
        const mine = ++seq
        patch({ status: 'explaining', error: null, shown: true })
        try {
          const entry = await explainEntry(target, analyze)
          if (mine === seq) show(entry)
        } catch (error) {
          if (mine === seq) patch({ status: 'failed', error: toErrorView(error) })
        }
      },

      async explainCurrent(options) {
        const target = currentRunTarget(get())
        if (target !== null) await get().explain(target, options)
      },

      async confirmAnalyze() {
        const target = get().plan.analyzePending
        patch({ analyzeConfirmed: true, analyzePending: null })
        if (target !== null) await get().explain(target, { analyze: true })
      },

      cancelAnalyze() {
        patch({ analyzePending: null })
      },

      async pastePlan(text) {
        const mine = ++seq
        patch({ status: 'explaining', error: null, shown: true })
        try {
          const analysis = await client.call('plan/parse', { text })
          if (mine === seq) {
            show({ analysis, sql: null, parameters: [], origin: 'paste', title: 'Pasted plan', at: Date.now() })
          }
        } catch (error) {
          if (mine === seq) patch({ status: 'failed', error: toErrorView(error) })
        }
      },

      async runTarget(target) {
        const settings = get().plan.costPreview
        if (!settings.enabled) return start(target)
        patch({ previewing: true, pendingRun: null })
        const entry = await explainEntry(target, false).catch(() => null)
        patch({ previewing: false })
        if (entry !== null && exceedsCostPreview(entry.analysis.plan.root, settings)) {
          return patch({ pendingRun: { target, entry } })
        }
        await start(target)
      },

      async runCurrent() {
        const target = currentRunTarget(get())
        if (target !== null) await get().runTarget(target)
      },

      async confirmPendingRun() {
        const pending = get().plan.pendingRun
        patch({ pendingRun: null })
        if (pending !== null) await start(pending.target)
      },

      cancelPendingRun() {
        patch({ pendingRun: null })
      },

      showPendingPlan() {
        const pending = get().plan.pendingRun
        if (pending !== null) show(pending.entry)
      },

      setCostPreview(settings) {
        const costPreview = { ...COST_PREVIEW_DEFAULTS, ...get().plan.costPreview, ...settings }
        writeCostPreview(costPreview)
        patch({ costPreview })
      },

      setPlanColorBy(colorBy) {
        patch({ colorBy })
      },

      setPlanView(view) {
        patch({ view })
      },

      selectPlanNode(selectedNodeId) {
        patch({ selectedNodeId })
      },

      showPlan(shown) {
        patch({ shown })
      },

      swapPlans() {
        const { current, previous } = get().plan
        if (current !== null && previous !== null) patch({ current: previous, previous: current, selectedNodeId: null })
      },
    }
  }
