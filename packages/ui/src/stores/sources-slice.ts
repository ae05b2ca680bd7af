import type { SourceCard, SourceChanges, SourcesListOutput } from '@idw/engine/api'
import { toErrorView } from './error-view'
import type { ErrorView } from './error-view'
import type { SliceCreator } from './store-types'

/** The saved sources as their cards show them, and what their Refresh and Remove buttons are doing. */
export interface SourcesState {
  /** What the sidebar shows: the catalog tree or the source cards. */
  view: 'catalog' | 'cards'
  status: 'idle' | 'loading' | 'ready' | 'failed'
  cards: SourceCard[]
  /** Whether the engine's vault can keep a typed password (`IDW_MASTER_KEY`); null before the first list. */
  vault: SourcesListOutput['vault'] | null
  error: ErrorView | null
  /** Sources with a refresh or remove under way. */
  busy: Record<string, 'refreshing' | 'removing'>
  /** The last refresh's answer, shown under its card until dismissed. */
  lastRefresh: { name: string; changes: SourceChanges; ms: number } | null
  /** The last refresh or remove that failed. */
  actionError: { name: string; action: 'refresh' | 'remove'; error: ErrorView } | null
  /** A short success line above the cards ("Added shop: 2 tables"), until dismissed. */
  notice: string | null
}

/** Source cards state (cards, vault status, sidebar view, notice) and refresh/remove actions. */
export interface SourcesSlice {
  sources: SourcesState
  /** Reads `sources/list` (cards and vault). Never rejects: a failure lands in `sources.error`. */
  loadSources(): Promise<void>
  setSidebarView(view: SourcesState['view']): void
  /**
   * Re-imports a source's tables (`sources/refresh`), keeps what changed in `lastRefresh`, then reloads the
   * cards and the catalog. Never rejects: a failure lands in `actionError` (the source stays as it was).
   */
  refreshSource(name: string): Promise<void>
  /** Drops a source's hub objects (`sources/remove`; the remote is not touched), then reloads cards and catalog. */
  removeSource(name: string): Promise<void>
  showSourceNotice(notice: string | null): void
  dismissSourceChanges(): void
}

/** The sources slice: source cards, vault status, refresh and remove. */
export const createSourcesSlice: SliceCreator<SourcesSlice> =
  ({ client }) =>
  (set, get) => {
    const setSources = (patch: Partial<SourcesState>): void => set((s) => ({ sources: { ...s.sources, ...patch } }))
    const setBusy = (name: string, what: 'refreshing' | 'removing' | null): void =>
      set((s) => {
        const busy = { ...s.sources.busy }
        if (what === null) delete busy[name]
        else busy[name] = what
        return { sources: { ...s.sources, busy } }
      })
    const reloadAll = async (): Promise<void> => {
      await Promise.all([get().loadSources(), get().loadCatalog()])
    }

    return {
      sources: {
        view: 'catalog',
        status: 'idle',
        cards: [],
        vault: null,
        error: null,
        busy: {},
        lastRefresh: null,
        actionError: null,
        notice: null,
      },

      async loadSources() {
        setSources({ status: 'loading', error: null })
        try {
          const { sources, vault } = await client.call('sources/list', {})
          setSources({ status: 'ready', cards: sources, vault })
        } catch (error) {
          setSources({ status: 'failed', error: toErrorView(error) })
        }
      },

      setSidebarView(view) {
        setSources({ view })
        if (view === 'cards') void get().loadSources()
      },

      async refreshSource(name) {
        setBusy(name, 'refreshing')
        setSources({ actionError: null, lastRefresh: null, notice: null })
        try {
          const { changes, ms } = await client.call('sources/refresh', { name })
          setSources({ lastRefresh: { name, changes, ms } })
        } catch (error) {
          setSources({ actionError: { name, action: 'refresh', error: toErrorView(error) } })
        } finally {
          setBusy(name, null)
        }
        await reloadAll()
      },

      async removeSource(name) {
        setBusy(name, 'removing')
        setSources({ actionError: null, notice: null })
        try {
          await client.call('sources/remove', { name })
          const { lastRefresh } = get().sources
          setSources({
            notice: `Removed ${name} from the hub; the remote was not touched.`,
            lastRefresh: lastRefresh?.name === name ? null : lastRefresh,
          })
        } catch (error) {
          setSources({ actionError: { name, action: 'remove', error: toErrorView(error) } })
        } finally {
          setBusy(name, null)
        }
        await reloadAll()
      },

      showSourceNotice(notice) {
        setSources({ notice })
      },

      dismissSourceChanges() {
        setSources({ lastRefresh: null, actionError: null })
      },
    }
  }
