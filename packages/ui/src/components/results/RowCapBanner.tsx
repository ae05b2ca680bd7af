import { formatCount } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'

/** Shown when the row cap cut the result: says so and offers to run the statement again without it. */
export function RowCapBanner() {
  const truncated = useWorkbench((s) => s.result.truncated && s.result.status === 'done')
  const maxRows = useWorkbench((s) => s.result.maxRows)
  const loadAllRows = useWorkbench((s) => s.loadAllRows)
  if (!truncated || maxRows === null) return null

  return (
    <div className="row-cap-banner" role="status" data-testid="row-cap-banner">
      <Icon name="warning" size={14} />
      <span>Showing the first {formatCount(maxRows)} rows — </span>
      <button
        type="button"
        className="button button--small"
        data-testid="load-all-rows"
        onClick={() => void loadAllRows()}
      >
        Load all
      </button>
      <span className="row-cap-banner__note">the result has more rows than the grid's row cap</span>
    </div>
  )
}
