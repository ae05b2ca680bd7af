import { EditorToolbar } from './EditorToolbar'
import { SqlEditor } from './SqlEditor'

/** The upper half of the main area: the toolbar and the SQL editor. */
export function EditorPane() {
  return (
    <section className="editor-pane" aria-label="SQL editor">
      <EditorToolbar />
      <SqlEditor />
    </section>
  )
}
