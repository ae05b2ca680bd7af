import { useEffect, useRef, useState } from 'react'
import { useWorkbench } from '../stores/workbench-context'
import { CatalogPanel } from './catalog/CatalogPanel'
import { EditorPane } from './editor/EditorPane'
import { Splitter } from './layout/Splitter'
import { ResultPanel } from './results/ResultPanel'
import { StatusBar } from './status/StatusBar'

/**
 * The workbench layout: title bar, catalog sidebar | (editor over results, split by a draggable bar), status
 * bar. On mount it loads the catalog and starts checking the hub.
 */
export function Workbench() {
  const loadCatalog = useWorkbench((s) => s.loadCatalog)
  const startHubPolling = useWorkbench((s) => s.startHubPolling)
  const runQuery = useWorkbench((s) => s.runQuery)
  const [sidebarWidth, setSidebarWidth] = useState(300)
  const [editorShare, setEditorShare] = useState(0.4)
  const mainRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    void loadCatalog()
    return startHubPolling()
  }, [loadCatalog, startHubPolling])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
      event.preventDefault()
      void runQuery()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [runQuery])

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
          <ResultPanel />
        </main>
      </div>
      <StatusBar />
    </div>
  )
}
