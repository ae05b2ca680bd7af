import type { PlanWarning } from '@idw/engine/api'
import { Icon } from '../common/Icon'
import { InlineCode } from './InlineCode'

const ORDER = { critical: 0, warning: 1, info: 2 } as const

/** Plan warnings, worst first, each with its advice; `onNode` makes the node number a link. */
export function WarningList({ warnings, onNode }: { warnings: readonly PlanWarning[]; onNode?: (id: number) => void }) {
  const sorted = [...warnings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
  return (
    <ul className="warnings" data-testid="plan-warnings">
      {sorted.map((warning, index) => (
        <li key={index} className={`warning warning--${warning.severity}`} data-kind={warning.kind}>
          <Icon name="warning" size={13} className="warning__icon" />
          <div>
            <p className="warning__message">
              <InlineCode text={warning.message} />
              {onNode === undefined ? null : (
                <button type="button" className="link-button" onClick={() => onNode(warning.nodeId)}>
                  #{warning.nodeId}
                </button>
              )}
            </p>
            {warning.advice === undefined ? null : (
              <p className="warning__advice">
                <InlineCode text={warning.advice} />
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  )
}
