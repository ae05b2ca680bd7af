import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { CostPreviewSettings } from './CostPreviewSettings'

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)

/**
 * The bar above the editor: the Query tab and the filter tab (when a table is being filtered), then Explain,
 * Explain analyze, the cost preview settings, and Run (Ctrl/Cmd+Enter) or, while a query runs, Cancel.
 */
export function EditorToolbar() {
  const running = useWorkbench((s) => s.result.status === 'running')
  const previewing = useWorkbench((s) => s.plan.previewing)
  const explaining = useWorkbench((s) => s.plan.status === 'explaining')
  const hasSelection = useWorkbench((s) => s.editor.selection.trim() !== '')
  const filterTable = useWorkbench((s) => s.filter.table)
  const filterShown = useWorkbench((s) => s.filter.shown)
  const runCurrent = useWorkbench((s) => s.runCurrent)
  const explainCurrent = useWorkbench((s) => s.explainCurrent)
  const cancelQuery = useWorkbench((s) => s.cancelQuery)
  const showEditorTab = useWorkbench((s) => s.showEditorTab)
  const closeFilter = useWorkbench((s) => s.closeFilter)
  const what = filterShown ? 'the filter' : hasSelection ? 'the selection' : 'the statement at the cursor'

  return (
    <div className="pane-toolbar pane-toolbar--editor">
      <button
        type="button"
        className={`pane-tab${filterShown ? '' : ' pane-tab--active'}`}
        data-testid="editor-tab-sql"
        onClick={() => showEditorTab('sql')}
      >
        <Icon name="code" size={13} />
        Query
      </button>
      {filterTable === null ? null : (
        <span className={`pane-tab pane-tab--closable${filterShown ? ' pane-tab--active' : ''}`}>
          <button
            type="button"
            className="pane-tab__button"
            data-testid="editor-tab-filter"
            onClick={() => showEditorTab('filter')}
          >
            <Icon name="filter" size={13} />
            Filter · {filterTable.schema}.{filterTable.name}
          </button>
          <button type="button" className="pane-tab__close" title="Close the filter" onClick={closeFilter}>
            <Icon name="close" size={10} />
          </button>
        </span>
      )}
      <span className="pane-toolbar__spacer" />
      {previewing ? (
        <span className="run-hint">
          <Spinner /> Estimating cost…
        </span>
      ) : null}
      <div className="button-group">
        <button
          type="button"
          className="button"
          data-testid="explain-button"
          title={`Show the plan of ${what} (EXPLAIN: the query does not run)`}
          disabled={explaining}
          onClick={() => void explainCurrent()}
        >
          <Icon name="plan" size={13} />
          Explain
        </button>
        <button
          type="button"
          className="button"
          data-testid="explain-analyze-button"
          title={`Run ${what} and show the plan with actual rows and times (EXPLAIN ANALYZE, BUFFERS: the query RUNS)`}
          disabled={explaining}
          onClick={() => void explainCurrent({ analyze: true })}
        >
          <Icon name="timer" size={13} />
          Analyze
        </button>
      </div>
      <CostPreviewSettings />
      {running ? (
        <button type="button" className="button button--danger" data-testid="cancel-query" onClick={cancelQuery}>
          <Icon name="stop" size={12} />
          Cancel
        </button>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        data-testid="run-query"
        title={`Run ${what} (${IS_MAC ? '⌘' : 'Ctrl'}+Enter)`}
        onClick={() => void runCurrent()}
      >
        <Icon name="play" size={12} />
        {hasSelection && !filterShown ? 'Run selection' : 'Run'}
        <kbd>{IS_MAC ? '⌘↵' : 'Ctrl ↵'}</kbd>
      </button>
    </div>
  )
}
