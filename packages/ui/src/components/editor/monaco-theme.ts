import type * as MonacoApi from 'monaco-editor/editor/editor.api'

/** Name of the workbench's dark Monaco theme. */
export const IDW_THEME = 'idw-dark'

/** Registers the workbench's dark theme: VS Code's dark tokens on the workbench's panel colours. */
export function defineIdwTheme(monaco: typeof MonacoApi): void {
  monaco.editor.defineTheme(IDW_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: '7aa2f7', fontStyle: 'bold' },
      { token: 'operator', foreground: '89ddff' },
      { token: 'operator.sql', foreground: 'bb9af7', fontStyle: 'bold' },
      { token: 'predefined.sql', foreground: '7dcfff' },
      { token: 'string.sql', foreground: '9ece6a' },
      { token: 'string', foreground: '9ece6a' },
      { token: 'number', foreground: 'ff9e64' },
      { token: 'comment', foreground: '5c6370', fontStyle: 'italic' },
      { token: 'predefined', foreground: 'bb9af7' },
      { token: 'identifier', foreground: 'd4d8df' },
      { token: 'delimiter', foreground: '8b93a1' },
      { token: 'string.key.json', foreground: '7dcfff' },
      { token: 'string.value.json', foreground: '9ece6a' },
      { token: 'number.json', foreground: 'ff9e64' },
      { token: 'keyword.json', foreground: 'bb9af7' },
    ],
    colors: {
      'editor.background': '#15181e',
      'editor.foreground': '#d4d8df',
      'editorLineNumber.foreground': '#4a5060',
      'editorLineNumber.activeForeground': '#9aa3b2',
      'editor.lineHighlightBackground': '#1b1f27',
      'editor.lineHighlightBorder': '#00000000',
      'editor.selectionBackground': '#2b4a7a',
      'editor.inactiveSelectionBackground': '#24344f',
      'editorCursor.foreground': '#7aa2f7',
      'editorIndentGuide.background1': '#23272f',
      'editorWidget.background': '#1b1f27',
      'editorWidget.border': '#2c313c',
      'editorSuggestWidget.background': '#1b1f27',
      'editorSuggestWidget.border': '#2c313c',
      'editorSuggestWidget.selectedBackground': '#26334a',
      'scrollbarSlider.background': '#ffffff14',
      'scrollbarSlider.hoverBackground': '#ffffff24',
      'scrollbarSlider.activeBackground': '#ffffff30',
    },
  })
}
