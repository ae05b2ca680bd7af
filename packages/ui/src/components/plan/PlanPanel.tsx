import { useState } from 'react'
import type { PlanView } from '../../stores/plan-slice'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import type { IconName } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { PastePlanDialog } from './PastePlanDialog'
import { COLOR_METRICS } from './plan-color.utils'
import type { ColorMetric } from './plan-color.utils'
import { formatPlanMs } from './plan-format.utils'
import { PlanCompare } from './PlanCompare'
import { PlanRaw } from './PlanRaw'
import { PlanTable } from './PlanTable'
import { PlanTreeView } from './PlanTreeView'

const VIEWS: readonly { id: PlanView; label: string; icon: IconName }[] = [
  { id: 'tree', label: 'Tree', icon: 'plan' },
  { id: 'table', label: 'Table', icon: 'list' },
  { id: 'text', label: 'Text', icon: 'text' },
  { id: 'json', label: 'JSON', icon: 'braces' },
  { id: 'compare', label: 'Compare', icon: 'compare' },
]

/** The colour metric a plan can show: time and misestimation need ANALYZE, else exclusive cost. */
function effectiveColorBy(metric: ColorMetric, analyzed: boolean): ColorMetric {
  const needsAnalyze = COLOR_METRICS.find((m) => m.id === metric)?.needsAnalyze ?? false
  return needsAnalyze && !analyzed ? 'cost' : metric
}

/** The Plan tab: the view switcher, what was explained with its timings, colour choice, and the chosen view. */
export function PlanPanel() {
  const status = useWorkbench((s) => s.plan.status)
  const current = useWorkbench((s) => s.plan.current)
  const error = useWorkbench((s) => s.plan.error)
  const view = useWorkbench((s) => s.plan.view)
  const colorBy = useWorkbench((s) => s.plan.colorBy)
  const setPlanView = useWorkbench((s) => s.setPlanView)
  const setPlanColorBy = useWorkbench((s) => s.setPlanColorBy)
  const [pasting, setPasting] = useState(false)
  const analyzed = current?.analysis.plan.analyzed ?? false
  const plan = current?.analysis.plan

  return (
    <section className="plan-panel" aria-label="Query plan">
      <div className="pane-toolbar plan-toolbar">
        <div className="segmented" role="tablist" aria-label="Plan views">
          {VIEWS.map((option) => (
            <button
              key={option.id}
              type="button"
              role="tab"
              aria-selected={view === option.id}
              className={view === option.id ? 'segmented__on' : ''}
              data-testid={`plan-view-${option.id}`}
              onClick={() => setPlanView(option.id)}
            >
              <Icon name={option.icon} size={12} /> {option.label}
            </button>
          ))}
        </div>
        {current === null ? null : (
          <span className="plan-toolbar__title" title={current.sql ?? current.title}>
            <span className={`origin-badge origin-badge--${current.origin}`}>
              {current.origin === 'analyze' ? 'ANALYZE' : current.origin === 'paste' ? 'PASTED' : 'EXPLAIN'}
            </span>
            <span className="plan-toolbar__what">{current.title}</span>
          </span>
        )}
        {plan === undefined ? null : (
          <span className="plan-toolbar__figures">
            {plan.planningMs === null ? null : <span>Planning {formatPlanMs(plan.planningMs)}</span>}
            {plan.executionMs === null ? null : <span>Execution {formatPlanMs(plan.executionMs)}</span>}
          </span>
        )}
        <span className="pane-toolbar__spacer" />
        {status === 'explaining' ? <Spinner label="Explaining" /> : null}
        <label className="toolbar-field">
          <span>Colour by</span>
          <select
            className="select"
            data-testid="plan-color-by"
            value={effectiveColorBy(colorBy, analyzed)}
            onChange={(event) => setPlanColorBy(event.target.value as ColorMetric)}
          >
            {COLOR_METRICS.map((metric) => (
              <option key={metric.id} value={metric.id} disabled={metric.needsAnalyze && !analyzed}>
                {metric.label}
                {metric.needsAnalyze && !analyzed ? ' (needs ANALYZE)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          data-testid="plan-paste"
          onClick={() => setPasting(true)}
        >
          <Icon name="clipboard" size={12} /> Paste plan
        </button>
      </div>
      {error === null ? null : (
        <div className="plan-error" role="alert" data-testid="plan-error">
          <Icon name="warning" size={14} />
          <strong>{error.code}</strong> {error.message}
        </div>
      )}
      <div className="plan-panel__body">
        {current === null ? (
          <EmptyPlan onPaste={() => setPasting(true)} />
        ) : view === 'tree' ? (
          <PlanTreeView entry={current} colorBy={effectiveColorBy(colorBy, analyzed)} />
        ) : view === 'table' ? (
          <PlanTable entry={current} />
        ) : view === 'compare' ? (
          <PlanCompare />
        ) : (
          <PlanRaw entry={current} format={view} />
        )}
      </div>
      {pasting ? <PastePlanDialog onClose={() => setPasting(false)} /> : null}
    </section>
  )
}

function EmptyPlan({ onPaste }: { onPaste(): void }) {
  return (
    <div className="empty-result">
      <Icon name="plan" size={28} />
      <p>Explain a query to see its plan: what each source was asked, what ran in the hub, and why.</p>
      <p className="empty-result__hint">
        <strong>Explain</strong> estimates without running · <strong>Analyze</strong> runs the query and measures ·{' '}
        <button type="button" className="link-button" onClick={onPaste}>
          paste a plan
        </button>{' '}
        from psql, pgAdmin or a log
      </p>
    </div>
  )
}
