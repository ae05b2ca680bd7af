import { useState } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { Dialog } from '../common/Dialog'
import { Icon } from '../common/Icon'

/** Paste a plan (psql text in any border style, pgAdmin, a log line, or EXPLAIN JSON) to see it in the plan view. */
export function PastePlanDialog({ onClose }: { onClose(): void }) {
  const pastePlan = useWorkbench((s) => s.pastePlan)
  const [text, setText] = useState('')
  return (
    <Dialog
      title="Paste a plan"
      wide
      testId="paste-plan"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="paste-plan-show"
            disabled={text.trim() === ''}
            onClick={() => {
              void pastePlan(text)
              onClose()
            }}
          >
            <Icon name="plan" size={13} /> Show plan
          </button>
        </>
      }
    >
      <p className="dialog__note">
        EXPLAIN output as text (psql with any border style, pgAdmin, auto_explain in a log) or as JSON. Nothing runs.
      </p>
      <textarea
        className="paste-plan__text"
        data-testid="paste-plan-text"
        value={text}
        autoFocus
        data-autofocus
        spellCheck={false}
        placeholder={
          "QUERY PLAN\n----------------------------------------\n Foreign Scan on orders  (cost=100.00..150.00 rows=3 width=16)\n   Filter: (ordered_at > (now() - '1 year'::interval))\n   Remote SQL: SELECT id, amount, ordered_at FROM public.orders"
        }
        onChange={(event) => setText(event.target.value)}
      />
    </Dialog>
  )
}
