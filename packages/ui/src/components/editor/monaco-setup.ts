/**
 * Loads Monaco from the bundled `monaco-editor` package (never a CDN): the core editor API, the editing
 * features a SQL editor needs, the PostgreSQL language, the JSON language service (schema completions and
 * validation for the filter editor), and their workers bundled by Vite (`?worker`; the JSON worker is loaded
 * only once a JSON model exists). `@monaco-editor/react` is pointed at this instance with `loader.config({ monaco })`.
 *
 * The language services of TypeScript, CSS and HTML (and their large workers) are left out on purpose.
 */
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor/editor/editor.api'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
import { jsonDefaults } from 'monaco-editor/languages/features/json/register'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/editor/browser/coreCommands'
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching'
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard'
import 'monaco-editor/editor/contrib/comment/browser/comment'
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu'
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo'
import 'monaco-editor/editor/contrib/folding/browser/folding'
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution'
import 'monaco-editor/editor/contrib/indentation/browser/indentation'
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations'
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor'
import 'monaco-editor/editor/contrib/placeholderText/browser/placeholderText.contribution'
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter'
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations'
import 'monaco-editor/features/find/register'
import 'monaco-editor/editor/common/standaloneStrings'
import { defineIdwTheme } from './monaco-theme'
import { registerSqlLanguage } from './sql-language'

self.MonacoEnvironment = { getWorker: (_id, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()) }
defineIdwTheme(monaco)
registerSqlLanguage(monaco)
loader.config({ monaco })

/** The locally bundled Monaco namespace (never loaded from a CDN). */
export type Monaco = typeof monaco
export { jsonDefaults, monaco }
