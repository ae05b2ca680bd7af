import { formatCount } from '../../format/format.utils'
import { describeRunTarget } from '../../stores/run-target'
import { useWorkbench } from '../../stores/workbench-context'
import { Dialog } from '../common/Dialog'
import { Icon } from '../common/Icon'

/**
 * The dialogs of the plan slice: the once-per-session confirmation that EXPLAIN ANALYZE runs the query, and the
 * cost preview of a run estimated over the thresholds.
 */
export function PlanDialogs() {
  const analyzePending = useWorkbench((s) => s.plan.analyzePending)
  const pendingRun = useWorkbench((s) => s.plan.pendingRun)
  const settings = useWorkbench((s) => s.plan.costPreview)
  const rowCap = useWorkbench((s) => s.gridSettings.rowCap)
  const confirmAnalyze = useWorkbench((s) => s.confirmAnalyze)
  const cancelAnalyze = useWorkbench((s) => s.cancelAnalyze)
  const confirmPendingRun = useWorkbench((s) => s.confirmPendingRun)
  const cancelPendingRun = useWorkbench((s) => s.cancelPendingRun)
  const showPendingPlan = useWorkbench((s) => s.showPendingPlan)

  if (analyzePending !== null) {
    return (
      <Dialog
        title="EXPLAIN ANALYZE runs the query"
        tone="warn"
        testId="analyze-confirm"
        onClose={cancelAnalyze}
        actions={
          <>
            <button type="button" className="button" data-testid="analyze-confirm-cancel" onClick={cancelAnalyze}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--warn"
              data-testid="analyze-confirm-run"
              autoFocus
              data-autofocus
              onClick={() => void confirmAnalyze()}
            >
              <Icon name="timer" size={13} /> Run and analyze
            </button>
          </>
        }
      >
        <p>
          To measure actual rows and times, PostgreSQL <strong>executes</strong> the statement and every source is
          queried — on a large table this takes as long as running it. The rows are not shown, only the plan.
        </p>
        <p className="dialog__subject">{describeRunTarget(analyzePending)}</p>
        <p className="dialog__note">You are asked once per session.</p>
      </Dialog>
    )
  }
  if (pendingRun === null) return null
  const root = pendingRun.entry.analysis.plan.root
  return (
    <Dialog
      title="This query looks expensive"
      tone="warn"
      testId="cost-preview"
      onClose={cancelPendingRun}
      actions={
        <>
          <button type="button" className="button" data-testid="cost-preview-plan" onClick={showPendingPlan}>
            <Icon name="plan" size={13} /> Show plan
          </button>
          <span className="dialog__spacer" />
          <button type="button" className="button" data-testid="cost-preview-cancel" onClick={cancelPendingRun}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="cost-preview-run"
            autoFocus
            data-autofocus
            onClick={() => void confirmPendingRun()}
          >
            <Icon name="play" size={12} /> Run anyway
          </button>
        </>
      }
    >
      <p className="dialog__subject">{describeRunTarget(pendingRun.target)}</p>
      <div className="estimate-figures">
        <EstimateFigure
          value={root.planRows}
          limit={settings.maxRows}
          label="estimated rows"
          testId="cost-preview-rows"
        />
        <EstimateFigure
          value={root.totalCost}
          limit={settings.maxCost}
          label="estimated cost"
          testId="cost-preview-cost"
        />
      </div>
      <p className="dialog__note">
        Plain EXPLAIN: estimates from the planner, nothing ran.
        {rowCap === null ? '' : ` The grid stops after ${formatCount(rowCap)} rows.`}
      </p>
    </Dialog>
  )
}

/** One estimate of the cost preview (rows or cost, rounded), marked when it reaches the `limit` that asks. */
function EstimateFigure({
  value,
  limit,
  label,
  testId,
}: {
  value: number | null
  limit: number
  label: string
  testId: string
}) {
  return (
    <div className={`estimate-figure${(value ?? 0) >= limit ? ' estimate-figure--over' : ''}`}>
      <span className="estimate-figure__value" data-testid={testId}>
        {value === null ? '?' : formatCount(Math.round(value))}
      </span>
      <span className="estimate-figure__label">
        {label} · asks from {formatCount(limit)}
      </span>
    </div>
  )
}
