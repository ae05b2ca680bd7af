import Editor from '@monaco-editor/react'
import type { OnMount } from '@monaco-editor/react'
import { useEffect, useMemo, useState } from 'react'
import { MONO_FONT_STACK } from '../../styles/fonts'
import { useWorkbench } from '../../stores/workbench-context'
import { filterColumns } from '../../stores/filter-slice'
import { jsonDefaults, monaco } from '../editor/monaco-setup'
import { IDW_THEME } from '../editor/monaco-theme'
import { engineErrorMarkers, problemMarkers } from './filter-markers.utils'
import type { MarkerSpec } from './filter-markers.utils'
import { selectJsonSchema } from './filter-json-schema.utils'

type CodeEditor = Parameters<OnMount>[0]

/** The model's URI; the select spec's JSON Schema is bound to it. */
const MODEL_PATH = 'inmemory://idw/filter-select.json'
const SCHEMA_URI = 'inmemory://idw/select-spec.schema.json'

const OPTIONS = {
  fontFamily: MONO_FONT_STACK,
  fontSize: 13,
  lineHeight: 20,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  automaticLayout: true,
  padding: { top: 10, bottom: 10 },
  tabSize: 2,
  fixedOverflowWidgets: true,
  overviewRulerLanes: 0,
  renderLineHighlight: 'line',
  quickSuggestions: { strings: true, other: true, comments: false },
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
} as const

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning } as const

/**
 * The Monaco JSON editor on the select spec (`{ filters, columns, order_by, limit, offset }`): completions of
 * fields, column names and operators from the table's JSON Schema, the language service's own checks, and the
 * engine's and the builder's problems as inline markers at their paths.
 */
export function FilterJsonEditor() {
  const jsonText = useWorkbench((s) => s.filter.jsonText)
  const problems = useWorkbench((s) => s.filter.jsonProblems)
  const buildError = useWorkbench((s) => s.filter.buildError)
  const columns = useWorkbench(filterColumns)
  const setFilterJson = useWorkbench((s) => s.setFilterJson)
  const runFilter = useWorkbench((s) => s.runFilter)
  const [editor, setEditor] = useState<CodeEditor | null>(null)
  const schema = useMemo(() => selectJsonSchema(columns), [columns])

  useEffect(() => {
    jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      enableSchemaRequest: false,
      schemaValidation: 'error',
      schemas: [{ uri: SCHEMA_URI, fileMatch: ['*filter-select.json'], schema }],
    })
  }, [schema])

  useEffect(() => {
    const model = editor?.getModel()
    if (!model) return
    const toMarker = (spec: MarkerSpec) => {
      const start = model.getPositionAt(spec.range.start)
      const end = model.getPositionAt(Math.max(spec.range.end, spec.range.start + 1))
      return {
        severity: SEVERITY[spec.severity],
        message: spec.message,
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      }
    }
    const text = model.getValue()
    monaco.editor.setModelMarkers(model, 'idw-builder', problemMarkers(text, problems).map(toMarker))
    const engine = buildError === null ? [] : engineErrorMarkers(text, buildError)
    monaco.editor.setModelMarkers(model, 'idw-engine', engine.map(toMarker))
  }, [editor, problems, buildError, jsonText])

  return (
    <div className="filter-json" data-testid="filter-json-editor">
      <Editor
        path={MODEL_PATH}
        defaultLanguage="json"
        value={jsonText}
        theme={IDW_THEME}
        options={OPTIONS}
        onMount={(mounted) => {
          mounted.addAction({
            id: 'idw.runFilter',
            label: 'Run the filter',
            keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
            run: () => void runFilter(),
          })
          setEditor(mounted)
        }}
        onChange={(value) => setFilterJson(value ?? '')}
        loading={<div className="sql-editor__loading">Loading editor…</div>}
      />
    </div>
  )
}
