import { useEffect, useRef, useState } from 'react'
import { formatCount } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'

/**
 * The cost preview switch and thresholds, in a popover: before each run a plain EXPLAIN estimates the result,
 * and a run estimated over the thresholds asks first.
 */
export function CostPreviewSettings() {
  const settings = useWorkbench((s) => s.plan.costPreview)
  const setCostPreview = useWorkbench((s) => s.setCostPreview)
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const close = (event: Event): void => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node))
        setOpen(false)
    }
    window.addEventListener('pointerdown', close, true)
    window.addEventListener('keydown', close)
    return () => {
      window.removeEventListener('pointerdown', close, true)
      window.removeEventListener('keydown', close)
    }
  }, [open])

  return (
    <div className="popover-anchor" ref={ref}>
      <button
        type="button"
        className={`icon-button${settings.enabled ? ' icon-button--on' : ''}`}
        data-testid="cost-preview-settings"
        title={
          settings.enabled
            ? `Cost preview on: asks before running a query estimated at ≥ ${formatCount(settings.maxRows)} rows or cost ≥ ${formatCount(settings.maxCost)}`
            : 'Cost preview off'
        }
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <Icon name="gauge" size={14} />
      </button>
      {open ? (
        <div className="popover" role="dialog" aria-label="Cost preview">
          <label className="popover__row popover__row--check">
            <input
              type="checkbox"
              data-testid="cost-preview-toggle"
              checked={settings.enabled}
              onChange={(event) => setCostPreview({ enabled: event.target.checked })}
            />
            <span>
              <strong>Cost preview</strong>
              <small>
                Runs a plain EXPLAIN (the query does not run) before each run and asks when the estimate is large.
              </small>
            </span>
          </label>
          <ThresholdInput
            label="Ask from rows"
            value={settings.maxRows}
            onChange={(maxRows) => setCostPreview({ maxRows })}
          />
          <ThresholdInput
            label="Ask from cost"
            value={settings.maxCost}
            onChange={(maxCost) => setCostPreview({ maxCost })}
          />
        </div>
      ) : null}
    </div>
  )
}

function ThresholdInput({ label, value, onChange }: { label: string; value: number; onChange(value: number): void }) {
  return (
    <label className="popover__row">
      <span>{label}</span>
      <input
        type="number"
        min={1}
        step="any"
        value={value}
        onChange={(event) => {
          const next = Number(event.target.value)
          if (Number.isFinite(next) && next > 0) onChange(next)
        }}
      />
    </label>
  )
}
