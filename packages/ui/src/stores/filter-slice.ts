import type { BuiltQuery, CatalogColumn, SelectSpec, TableRef } from '@idw/engine/api'
import { parseJsonRanges } from '../components/filter/json-locate.utils'
import type { JsonSyntaxError } from '../components/filter/json-locate.utils'
import type { FilterProblem } from '../components/filter/filter-state.utils'
import { draftToSelect, emptyDraft, selectToDraft } from '../components/filter/select-draft.utils'
import type { SelectDraft } from '../components/filter/select-draft.utils'
import { toErrorView } from './error-view'
import type { ErrorView } from './error-view'
import type { SliceCreator, WorkbenchState } from './store-types'

/** The filter builder on one table: the draft, its JSON text, and the SQL the engine built from it. */
export interface FilterState {
  /** The table being filtered; null until a table's "Filter…" was chosen. */
  table: TableRef | null
  /** True while the editor area shows the filter tab rather than the SQL editor. */
  shown: boolean
  draft: SelectDraft
  /**
   * What Run, Explain and the SQL preview send: the draft's spec after a visual edit, the JSON editor's object as
   * written after a JSON edit (so the engine's error paths match the text, even where the builder cannot show it).
   */
  select: SelectSpec
  /** `visual`: the builder rows; `json`: the Monaco JSON editor on the select spec. */
  mode: 'visual' | 'json'
  /** The select spec as the JSON editor shows it; rewritten from the draft on every visual edit. */
  jsonText: string
  /** What in `jsonText` the builder cannot show (warnings with their path). */
  jsonProblems: FilterProblem[]
  jsonSyntaxError: JsonSyntaxError | null
  /** `query/build` for the current draft: `building` while asked, `failed` with `buildError` (paths in detail). */
  buildStatus: 'idle' | 'building' | 'ready' | 'failed'
  built: BuiltQuery | null
  buildError: ErrorView | null
}

/** Filter builder state (table, select spec, mode, built SQL or error) and its actions. */
export interface FilterSlice {
  filter: FilterState
  /** Opens the filter tab on `table` (a new draft limited to 1 000 rows when the table changes). */
  openFilter(table: TableRef): void
  /** Closes the filter tab and forgets its table. */
  closeFilter(): void
  /** Shows the SQL editor (`sql`) or the filter builder (`filter`) in the editor area. */
  showEditorTab(tab: 'sql' | 'filter'): void
  /** Replaces the draft with `update(draft)`; the JSON text follows and the SQL is rebuilt after a short pause. */
  editFilter(update: (draft: SelectDraft) => SelectDraft): void
  /**
   * Takes the JSON editor's text: valid JSON becomes `select` (and is built); when the builder can show it, it
   * becomes the draft too. A syntax error or what the builder cannot show is kept for the editor's markers.
   */
  setFilterJson(text: string): void
  /** Switches between builder and JSON; refuses `visual` (stays `json`) while the JSON has errors. */
  setFilterMode(mode: 'visual' | 'json'): void
  /** Builds the draft now (`query/build`). Never rejects: a failure lands in `filter.buildError`. */
  buildFilter(): Promise<BuiltQuery | null>
  /** Runs the draft as `table/select` into the result grid (through the cost preview). */
  runFilter(): Promise<void>
  /** Puts the draft's SQL (`inlineSql`, values written as literals) into the SQL editor and shows it. */
  openFilterAsSql(): Promise<void>
}

const NO_COLUMNS: CatalogColumn[] = []

/**
 * The columns of the filtered table from the catalog; empty while the catalog does not know it. The same array
 * for the same catalog, so it is a stable store selector.
 */
export function filterColumns(state: Pick<WorkbenchState, 'catalog' | 'filter'>): CatalogColumn[] {
  const { table } = state.filter
  if (table === null) return NO_COLUMNS
  for (const source of state.catalog.sources) {
    const found = source.tables.find((candidate) => candidate.schema === table.schema && candidate.name === table.name)
    if (found !== undefined) return found.columns
  }
  return NO_COLUMNS
}

/** The filter slice: the builder's draft on one table, its JSON form and the engine's build of it. */
export const createFilterSlice: SliceCreator<FilterSlice> =
  ({ client, options }) =>
  (set, get) => {
    let counter = 0
    const newId = (): string => `f${++counter}`
    let buildSeq = 0
    let timer: ReturnType<typeof setTimeout> | null = null

    const patch = (fields: Partial<FilterState>): void => set(({ filter }) => ({ filter: { ...filter, ...fields } }))
    const scheduleBuild = (): void => {
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        void get().buildFilter()
      }, options.filterBuildMs)
    }
    const textOf = (draft: SelectDraft): string => JSON.stringify(draftToSelect(draft), null, 2)
    const initial = emptyDraft(newId)

    return {
      filter: {
        table: null,
        shown: false,
        draft: initial,
        select: draftToSelect(initial),
        mode: 'visual',
        jsonText: textOf(initial),
        jsonProblems: [],
        jsonSyntaxError: null,
        buildStatus: 'idle',
        built: null,
        buildError: null,
      },

      openFilter(table) {
        const { filter } = get()
        const same = filter.table?.schema === table.schema && filter.table.name === table.name
        if (same) return patch({ shown: true })
        const draft = emptyDraft(newId)
        patch({
          table,
          shown: true,
          draft,
          select: draftToSelect(draft),
          mode: 'visual',
          jsonText: textOf(draft),
          jsonProblems: [],
          jsonSyntaxError: null,
          built: null,
          buildError: null,
          buildStatus: 'idle',
        })
        scheduleBuild()
      },

      closeFilter() {
        buildSeq += 1
        patch({ table: null, shown: false, built: null, buildError: null, buildStatus: 'idle' })
      },

      showEditorTab(tab) {
        patch({ shown: tab === 'filter' && get().filter.table !== null })
      },

      editFilter(update) {
        const draft = update(get().filter.draft)
        const select = draftToSelect(draft)
        patch({ draft, select, jsonText: JSON.stringify(select, null, 2), jsonProblems: [], jsonSyntaxError: null })
        scheduleBuild()
      },

      setFilterJson(text) {
        const syntax = parseJsonRanges(text).error
        if (syntax !== null) return patch({ jsonText: text, jsonSyntaxError: syntax, jsonProblems: [] })
        const parsed: unknown = JSON.parse(text)
        const { draft, problems } = selectToDraft(parsed, newId)
        const fields = { jsonText: text, jsonSyntaxError: null, jsonProblems: problems }
        const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        if (!isObject) return patch(fields)
        const select = parsed as SelectSpec
        patch(problems.length === 0 ? { ...fields, select, draft } : { ...fields, select })
        scheduleBuild()
      },

      setFilterMode(mode) {
        const { filter } = get()
        if (mode === filter.mode) return
        if (mode === 'visual' && (filter.jsonSyntaxError !== null || filter.jsonProblems.length > 0)) return
        if (mode === 'json') return patch({ mode, jsonText: JSON.stringify(filter.select, null, 2) })
        patch({ mode, select: draftToSelect(filter.draft) })
        scheduleBuild()
      },

      async buildFilter() {
        const { table, select } = get().filter
        if (table === null) return null
        const seq = ++buildSeq
        patch({ buildStatus: 'building' })
        try {
          const built = await client.call('query/build', { table, select })
          if (seq === buildSeq) patch({ buildStatus: 'ready', built, buildError: null })
          return built
        } catch (error) {
          if (seq === buildSeq) patch({ buildStatus: 'failed', built: null, buildError: toErrorView(error) })
          return null
        }
      },

      async runFilter() {
        const { table, select } = get().filter
        if (table === null) return
        await get().runTarget({ kind: 'table', table, select })
      },

      async openFilterAsSql() {
        const built = await get().buildFilter()
        if (built === null) return
        get().insertStatement(`${built.inlineSql};`)
        patch({ shown: false })
      },
    }
  }
