import Editor from '@monaco-editor/react'
import type { OnMount } from '@monaco-editor/react'
import { useEffect, useRef, useState } from 'react'
import { separatorBefore } from '../../sql/sql-text.utils'
import { MONO_FONT_STACK } from '../../styles/fonts'
import { useWorkbench, useWorkbenchApi } from '../../stores/workbench-context'
import { monaco } from './monaco-setup'
import { IDW_THEME } from './monaco-theme'
import { completionEntries } from './sql-completion.utils'
import { SQL_LANGUAGE_ID } from './sql-language'
import { splitStatements, statementAt } from './statement-at-cursor.utils'

type CodeEditor = Parameters<OnMount>[0]

const EDITOR_OPTIONS = {
  fontFamily: MONO_FONT_STACK,
  fontSize: 13.5,
  lineHeight: 21,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  automaticLayout: true,
  padding: { top: 12, bottom: 12 },
  renderLineHighlight: 'line',
  tabSize: 2,
  wordWrap: 'on',
  fixedOverflowWidgets: true,
  smoothScrolling: true,
  cursorBlinking: 'smooth',
  overviewRulerBorder: false,
  overviewRulerLanes: 0,
  hideCursorInOverviewRuler: true,
  renderWhitespace: 'none',
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  placeholder: 'Write SQL across your sources…  Ctrl+Enter runs the selection or the statement at the cursor',
} as const

const COMPLETION_KINDS = {
  schema: monaco.languages.CompletionItemKind.Module,
  table: monaco.languages.CompletionItemKind.Struct,
  column: monaco.languages.CompletionItemKind.Field,
} as const

/**
 * The Monaco SQL editor (PostgreSQL highlighting, catalog completions). Ctrl/Cmd+Enter runs the selection or
 * the statement at the cursor (marked in the gutter when the text holds several); statements queued by the
 * catalog are appended and selected.
 */
export function SqlEditor() {
  const store = useWorkbenchApi()
  const [initialSql] = useState(() => store.getState().editor.sql)
  const [editor, setEditor] = useState<CodeEditor | null>(null)
  const sources = useWorkbench((s) => s.catalog.sources)
  const pendingInsert = useWorkbench((s) => s.editor.pendingInsert)
  const setSql = useWorkbench((s) => s.setSql)
  const completeInsert = useWorkbench((s) => s.completeInsert)
  const sourcesRef = useRef(sources)
  sourcesRef.current = sources

  const handleMount: OnMount = (mounted) => {
    const statementMark = mounted.createDecorationsCollection()
    const syncSelection = (): void => {
      const model = mounted.getModel()
      const selection = mounted.getSelection()
      store.getState().setSelection(model && selection ? model.getValueInRange(selection) : '')
      if (!model || !selection) return
      const offset = model.getOffsetAt(selection.getPosition())
      store.getState().setCursorOffset(offset)
      const text = model.getValue()
      const span = splitStatements(text).length > 1 && selection.isEmpty() ? statementAt(text, offset) : null
      if (span === null) return statementMark.clear()
      const start = model.getPositionAt(span.start)
      const end = model.getPositionAt(span.end)
      statementMark.set([
        {
          range: new monaco.Range(start.lineNumber, 1, end.lineNumber, 1),
          options: { isWholeLine: true, linesDecorationsClassName: 'sql-editor__current-statement' },
        },
      ])
    }
    mounted.onDidChangeCursorSelection(syncSelection)
    mounted.onDidChangeModelContent(syncSelection)
    mounted.addAction({
      id: 'idw.runQuery',
      label: 'Run the selection or the statement at the cursor',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 0,
      run: () => {
        syncSelection()
        void store.getState().runCurrent()
      },
    })
    mounted.addAction({
      id: 'idw.explain',
      label: 'Explain the selection or the statement at the cursor',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyE],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 1,
      run: () => {
        syncSelection()
        void store.getState().explainCurrent()
      },
    })
    setEditor(mounted)
  }

  useEffect(() => {
    const provider = monaco.languages.registerCompletionItemProvider(SQL_LANGUAGE_ID, {
      triggerCharacters: ['.'],
      provideCompletionItems: (model, position) => {
        const word = model.getWordUntilPosition(position)
        const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn)
        const suggestions = completionEntries(sourcesRef.current).map((entry) => ({
          label: entry.label,
          kind: COMPLETION_KINDS[entry.kind],
          detail: entry.detail,
          insertText: entry.insertText,
          range,
        }))
        return { suggestions }
      },
    })
    return () => provider.dispose()
  }, [])

  useEffect(() => {
    const model = editor?.getModel()
    if (!editor || !model || pendingInsert === null) return
    const end = model.getFullModelRange().getEndPosition()
    const prefix = separatorBefore(model.getValue())
    editor.executeEdits('catalog', [
      {
        range: new monaco.Range(end.lineNumber, end.column, end.lineNumber, end.column),
        text: prefix + pendingInsert.text,
      },
    ])
    const startOffset = model.getOffsetAt(end) + prefix.length
    const start = model.getPositionAt(startOffset)
    const stop = model.getPositionAt(startOffset + pendingInsert.text.length)
    const selection = new monaco.Selection(start.lineNumber, start.column, stop.lineNumber, stop.column)
    editor.setSelection(selection)
    editor.revealRangeInCenterIfOutsideViewport(selection)
    editor.focus()
    completeInsert(pendingInsert.id)
  }, [editor, pendingInsert, completeInsert])

  return (
    <div className="sql-editor" data-testid="sql-editor">
      <Editor
        defaultValue={initialSql}
        defaultLanguage={SQL_LANGUAGE_ID}
        theme={IDW_THEME}
        options={EDITOR_OPTIONS}
        onMount={handleMount}
        onChange={(value) => setSql(value ?? '')}
        loading={<div className="sql-editor__loading">Loading editor…</div>}
      />
    </div>
  )
}
