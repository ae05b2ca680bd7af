import './components/editor/monaco-setup'
import './styles/theme.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/dialogs.css'
import './styles/catalog.css'
import './styles/results.css'
import './styles/grid.css'
import './styles/grid-tools.css'
import './styles/export.css'
import './styles/export-dialog.css'
import './styles/forms.css'
import './styles/filter.css'
import './styles/filter-builder.css'
import './styles/filter-output.css'
import './styles/plan.css'
import './styles/sources.css'
import './styles/source-dialog.css'
import './styles/source-form.css'
import './styles/plan-tree.css'
import './styles/plan-details.css'
import './styles/plan-views.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createEngineClient } from './client/create-engine-client'
import { Workbench } from './components/Workbench'
import { WorkbenchProvider } from './stores/workbench-context'
import { createWorkbenchStore } from './stores/workbench-store'
import { MONO_FONT_STACK, UI_FONT_STACK } from './styles/fonts'

document.documentElement.style.setProperty('--font-ui', UI_FONT_STACK)
document.documentElement.style.setProperty('--font-mono', MONO_FONT_STACK)

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
const store = createWorkbenchStore(createEngineClient())

createRoot(root).render(
  <StrictMode>
    <WorkbenchProvider store={store}>
      <Workbench />
    </WorkbenchProvider>
  </StrictMode>,
)
