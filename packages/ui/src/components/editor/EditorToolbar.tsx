import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)

/** The bar above the editor: what will run, Run (Ctrl/Cmd+Enter) and, while a query runs, Cancel. */
export function EditorToolbar() {
  const running = useWorkbench((s) => s.result.status === 'running')
  const hasSelection = useWorkbench((s) => s.editor.selection.trim() !== '')
  const runQuery = useWorkbench((s) => s.runQuery)
  const cancelQuery = useWorkbench((s) => s.cancelQuery)

  return (
    <div className="pane-toolbar pane-toolbar--editor">
      <span className="pane-tab pane-tab--active">
        <Icon name="code" size={13} />
        Query
      </span>
      <span className="pane-toolbar__spacer" />
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
        title={`Run ${hasSelection ? 'the selection' : 'the whole text'} (${IS_MAC ? '⌘' : 'Ctrl'}+Enter)`}
        onClick={() => void runQuery()}
      >
        <Icon name="play" size={12} />
        {hasSelection ? 'Run selection' : 'Run'}
        <kbd>{IS_MAC ? '⌘↵' : 'Ctrl ↵'}</kbd>
      </button>
    </div>
  )
}
