import type { FdwExtension, SourceTestResult, SourceType, SourceTypesOutput } from '@idw/engine/api'
import { initialSelection, limitToOf, withSelection } from '../components/sources/remote-tables.utils'
import type { RemoteTable } from '../components/sources/remote-tables.utils'
import { emptyForm, formFromParsedUri, formToDraft, setFormValue } from '../components/sources/source-form.utils'
import type { SourceForm } from '../components/sources/source-form.utils'
import { passwordFromUri } from '../components/sources/uri-password.utils'
import { toErrorView } from './error-view'
import type { ErrorView } from './error-view'
import type { SliceCreator, WorkbenchState } from './store-types'

/** The "Add source" dialog: pick a type or paste a URI → connection form and test → table picker → add. */
export interface SourceDialogState {
  open: boolean
  step: 'type' | 'connect' | 'tables'
  /** `sources/types`: the hub's version and what each type offers (loaded once). */
  types: SourceTypesOutput | null
  typesError: ErrorView | null
  uri: string
  parsing: boolean
  form: SourceForm | null
  test: {
    status: 'idle' | 'running' | 'done' | 'failed'
    result: SourceTestResult | null
    error: ErrorView | null
    /** The form changed since this result. */
    stale: boolean
  }
  remote: { status: 'idle' | 'loading' | 'ready' | 'failed'; remoteSchema: string | null; tables: RemoteTable[] }
  /** Tables picked for IMPORT FOREIGN SCHEMA … LIMIT TO, in the remote's order. */
  selected: string[]
  tableFilter: string
  adding: boolean
  /** Why parsing, listing or adding failed. */
  error: ErrorView | null
}

/** Add-source dialog state (step, draft, test verdict, remote tables) and its actions. */
export interface SourceDialogSlice {
  sourceDialog: SourceDialogState
  /** Opens the dialog at its first step and loads the source types and the vault status. */
  openSourceDialog(): void
  closeSourceDialog(): void
  setSourceUri(uri: string): void
  /** Reads the URI with `sources/parse-uri` into the form (its password read here) and moves to the form. */
  parseSourceUri(): Promise<void>
  chooseSourceType(extension: FdwExtension): void
  /** Sets a form value: `name`, `remoteSchema`, `tableName` or an option key (`server.host`). */
  setSourceField(key: string, value: string): void
  sourceDialogBack(): void
  /** Runs `sources/test` on the form's draft. A failed test is a verdict, not an error. */
  testSourceDraft(): Promise<void>
  /** Moves to the table picker and lists the remote tables (`sources/remote-tables`). */
  showRemoteTables(): Promise<void>
  setRemoteTables(names: string[], on: boolean): void
  setRemoteTableFilter(filter: string): void
  /**
   * Adds the source (`sources/add`, with the picked tables as `limitTo`), closes the dialog, shows the catalog
   * and says what was added. On failure the dialog stays open with the error (nothing is half-created).
   */
  addSource(): Promise<void>
}

const CLOSED: SourceDialogState = {
  open: false,
  step: 'type',
  types: null,
  typesError: null,
  uri: '',
  parsing: false,
  form: null,
  test: { status: 'idle', result: null, error: null, stale: false },
  remote: { status: 'idle', remoteSchema: null, tables: [] },
  selected: [],
  tableFilter: '',
  adding: false,
  error: null,
}

/** The source type of the dialog's form, from the loaded `sources/types`. */
export function dialogSourceType(state: Pick<WorkbenchState, 'sourceDialog'>): SourceType | null {
  const { types, form } = state.sourceDialog
  return types?.types.find((t) => t.extension === form?.extension) ?? null
}

/** The "Add source" dialog slice. Answers that arrive after the dialog was closed or reopened are dropped. */
export const createSourceDialogSlice: SliceCreator<SourceDialogSlice> =
  ({ client }) =>
  (set, get) => {
    let session = 0
    const patch = (p: Partial<SourceDialogState>): void => set((s) => ({ sourceDialog: { ...s.sourceDialog, ...p } }))
    /** Runs `work` and applies its patch only while the same dialog is open. */
    const guarded = async (work: () => Promise<Partial<SourceDialogState>>): Promise<void> => {
      const mine = session
      const result = await work().catch((error: unknown) => ({ error: toErrorView(error) }))
      if (mine === session && get().sourceDialog.open) patch(result)
    }
    const withForm = (form: SourceForm): Partial<SourceDialogState> => ({
      form,
      step: 'connect',
      error: null,
      test: CLOSED.test,
      remote: CLOSED.remote,
    })

    return {
      sourceDialog: CLOSED,

      openSourceDialog() {
        session += 1
        const { types } = get().sourceDialog
        set({ sourceDialog: { ...CLOSED, open: true, types } })
        void get().loadSources()
        if (types !== null) return
        const mine = session
        client.call('sources/types', {}).then(
          (loaded) => patch({ types: loaded, typesError: null }),
          (error: unknown) => {
            if (mine === session) patch({ typesError: toErrorView(error) })
          },
        )
      },

      closeSourceDialog() {
        session += 1
        set((s) => ({ sourceDialog: { ...CLOSED, types: s.sourceDialog.types } }))
      },

      setSourceUri(uri) {
        patch({ uri, error: null })
      },

      async parseSourceUri() {
        const uri = get().sourceDialog.uri.trim()
        if (uri === '') return
        patch({ parsing: true, error: null })
        await guarded(async () => {
          const parsed = await client.call('sources/parse-uri', { uri })
          return withForm(formFromParsedUri(parsed, parsed.hasPassword ? passwordFromUri(uri) : null))
        })
        patch({ parsing: false })
      },

      chooseSourceType(extension) {
        patch(withForm(emptyForm(extension)))
      },

      setSourceField(key, value) {
        const { form, test } = get().sourceDialog
        if (form === null) return
        patch({ form: setFormValue(form, key, value), test: { ...test, stale: test.result !== null }, error: null })
      },

      sourceDialogBack() {
        const { step } = get().sourceDialog
        patch({ step: step === 'tables' ? 'connect' : 'type', error: null })
      },

      async testSourceDraft() {
        const type = dialogSourceType(get())
        const { form } = get().sourceDialog
        if (type === null || form === null) return
        patch({ test: { status: 'running', result: null, error: null, stale: false }, error: null })
        await guarded(async () => {
          try {
            const result = await client.call('sources/test', { source: formToDraft(form, type) })
            const stale = get().sourceDialog.form !== form
            return { test: { status: 'done', result, error: null, stale } }
          } catch (error) {
            return { test: { status: 'failed', result: null, error: toErrorView(error), stale: false } }
          }
        })
      },

      async showRemoteTables() {
        const type = dialogSourceType(get())
        const { form } = get().sourceDialog
        if (type === null || form === null) return
        patch({ step: 'tables', remote: { ...CLOSED.remote, status: 'loading' }, tableFilter: '', error: null })
        await guarded(async () => {
          try {
            const { remoteSchema, tables } = await client.call('sources/remote-tables', {
              source: formToDraft(form, type),
            })
            const selected = initialSelection(tables, form.limitTo)
            return { remote: { status: 'ready', remoteSchema, tables }, selected }
          } catch (error) {
            return { remote: { ...CLOSED.remote, status: 'failed' }, error: toErrorView(error) }
          }
        })
      },

      setRemoteTables(names, on) {
        const { remote, selected } = get().sourceDialog
        patch({ selected: withSelection(remote.tables, selected, names, on) })
      },

      setRemoteTableFilter(tableFilter) {
        patch({ tableFilter })
      },

      async addSource() {
        const type = dialogSourceType(get())
        const { form, step, remote, selected } = get().sourceDialog
        if (type === null || form === null) return
        const limitTo = step === 'tables' ? limitToOf(remote.tables, selected) : null
        patch({ adding: true, error: null })
        const mine = session
        try {
          const added = await client.call('sources/add', { source: formToDraft(form, type, limitTo) })
          if (mine !== session) return
          get().closeSourceDialog()
          const count = added.tables.length
          get().showSourceNotice(`Added ${added.source.name}: ${count} table${count === 1 ? '' : 's'} to query.`)
          get().setSidebarView('catalog')
          await Promise.all([get().loadSources(), get().loadCatalog()])
        } catch (error) {
          if (mine === session) patch({ adding: false, error: toErrorView(error) })
        }
      },
    }
  }
