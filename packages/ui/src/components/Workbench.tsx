import { useEffect, useRef, useState } from 'react'
import { useWorkbench } from '../stores/workbench-context'
import { CatalogPanel } from './catalog/CatalogPanel'
import { EditorPane } from './editor/EditorPane'
import { Splitter } from './layout/Splitter'
import { ResultsArea } from './plan/ResultsArea'
import { StatusBar } from './status/StatusBar'

/**
 * The workbench layout: title bar, catalog sidebar | (editor over results, split by a draggable bar), status
 * bar. On mount it loads the catalog and starts checking the hub.
 */
export function Workbench() {
  const loadCatalog = useWorkbench((s) => s.loadCatalog)
  const startHubPolling = useWorkbench((s) => s.startHubPolling)
  const runCurrent = useWorkbench((s) => s.runCurrent)
  const filterShown = useWorkbench((s) => s.filter.shown)
  const [sidebarWidth, setSidebarWidth] = useState(300)
  const [editorShare, setEditorShare] = useState(0.4)
  const mainRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    void loadCatalog()
    return startHubPolling()
  }, [loadCatalog, startHubPolling])

  const shareRef = useRef(editorShare)
  shareRef.current = editorShare
  const shareBeforeFilter = useRef<{ before: number; grown: number } | null>(null)
  useEffect(() => {
    // The builder needs more height than SQL: grow the editor while the filter shows, then give the height back
    // unless the user moved the splitter meanwhile.
    const share = shareRef.current
    if (filterShown) {
      const grown = Math.max(share, 0.55)
      shareBeforeFilter.current = { before: share, grown }
      setEditorShare(grown)
      return
    }
    const saved = shareBeforeFilter.current
    shareBeforeFilter.current = null
    if (saved !== null && saved.grown === share) setEditorShare(saved.before)
  }, [filterShown])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
      event.preventDefault()
      void runCurrent()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [runCurrent])

  return (
    <div className="workbench">
      <header className="title-bar">
        <span className="title-bar__mark" aria-hidden>
          ◆
        </span>
        <span className="title-bar__name">Instant Data Workbench</span>
        <span className="title-bar__subtitle">federated SQL over your sources</span>
      </header>
      <div className="workbench__body" style={{ gridTemplateColumns: `${sidebarWidth}px 1px minmax(0, 1fr)` }}>
        <CatalogPanel />
        <Splitter
          orientation="vertical"
          label="Resize the catalog"
          value={sidebarWidth}
          min={200}
          max={560}
          unitsPerPixel={() => 1}
          onChange={setSidebarWidth}
        />
        <main
          ref={mainRef}
          className="workbench__main"
          style={{ gridTemplateRows: `minmax(0, ${editorShare}fr) 1px minmax(0, ${1 - editorShare}fr)` }}
        >
          <EditorPane />
          <Splitter
            orientation="horizontal"
            label="Resize the editor and the results"
            value={editorShare}
            min={0.12}
            max={0.88}
            unitsPerPixel={() => 1 / Math.max(mainRef.current?.clientHeight ?? 1, 1)}
            onChange={setEditorShare}
          />
          <ResultsArea />
        </main>
      </div>
      <StatusBar />
    </div>
  )
}
