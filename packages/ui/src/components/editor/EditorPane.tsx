import { useWorkbench } from '../../stores/workbench-context'
import { FilterPanel } from '../filter/FilterPanel'
import { EditorToolbar } from './EditorToolbar'
import { SqlEditor } from './SqlEditor'

/**
 * The upper half of the main area: the toolbar with its tabs, then the SQL editor or the filter builder. The
 * SQL editor stays mounted while the filter tab is shown, so its text, cursor and undo history are kept.
 */
export function EditorPane() {
  const filterShown = useWorkbench((s) => s.filter.shown)
  const hasFilter = useWorkbench((s) => s.filter.table !== null)

  return (
    <section className="editor-pane" aria-label="SQL editor">
      <EditorToolbar />
      <div className="editor-pane__view" hidden={filterShown}>
        <SqlEditor />
      </div>
      {hasFilter ? (
        <div className="editor-pane__view" hidden={!filterShown}>
          <FilterPanel />
        </div>
      ) : null}
    </section>
  )
}
