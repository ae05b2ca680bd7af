import { useEffect, useRef } from 'react'
import { formatCount } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { ResultPanel } from '../results/ResultPanel'
import { PlanDialogs } from './PlanDialogs'
import { PlanPanel } from './PlanPanel'

/**
 * The lower half of the main area: the Results and Plan tabs over the result panel or the plan view. A new run
 * brings the results forward; an EXPLAIN brings the plan forward. The result panel stays mounted behind the
 * plan, so the grid keeps its scroll position.
 */
export function ResultsArea() {
  const shown = useWorkbench((s) => s.plan.shown)
  const planStatus = useWorkbench((s) => s.plan.status)
  const nodeCount = useWorkbench((s) => s.plan.current?.analysis.plan.nodeCount ?? null)
  const origin = useWorkbench((s) => s.plan.current?.origin ?? null)
  const resultStatus = useWorkbench((s) => s.result.status)
  const rowCount = useWorkbench((s) => s.result.rowCount)
  const queryId = useWorkbench((s) => s.result.queryId)
  const showPlan = useWorkbench((s) => s.showPlan)
  const lastQueryId = useRef(queryId)

  useEffect(() => {
    if (queryId !== lastQueryId.current && queryId !== null) showPlan(false)
    lastQueryId.current = queryId
  }, [queryId, showPlan])

  return (
    <div className="results-area">
      <div className="results-area__tabs" role="tablist" aria-label="Results and plan">
        <button
          type="button"
          role="tab"
          aria-selected={!shown}
          className={`area-tab${shown ? '' : ' area-tab--active'}`}
          data-testid="results-tab"
          onClick={() => showPlan(false)}
        >
          <Icon name="table" size={13} />
          Results
          {resultStatus === 'idle' ? null : <span className="area-tab__count">{formatCount(rowCount)}</span>}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={shown}
          className={`area-tab${shown ? ' area-tab--active' : ''}`}
          data-testid="plan-tab"
          onClick={() => showPlan(true)}
        >
          <Icon name="plan" size={13} />
          Plan
          {planStatus === 'explaining' ? <Spinner /> : null}
          {nodeCount === null || planStatus === 'explaining' ? null : (
            <span className="area-tab__count">
              {nodeCount} {nodeCount === 1 ? 'node' : 'nodes'}
              {origin === 'analyze' ? ' · analyzed' : ''}
            </span>
          )}
        </button>
      </div>
      <div className="results-area__body" hidden={shown}>
        <ResultPanel />
      </div>
      {shown ? (
        <div className="results-area__body">
          <PlanPanel />
        </div>
      ) : null}
      <PlanDialogs />
    </div>
  )
}
