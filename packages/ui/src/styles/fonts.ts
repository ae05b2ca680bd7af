/** System font stacks only: the UI ships no font files and fetches none. */
export const UI_FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif'

/** Monospace font stack of the editor and grid cells: system fonts only, nothing downloaded. */
export const MONO_FONT_STACK =
  'ui-monospace, "SF Mono", "Cascadia Mono", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace'
