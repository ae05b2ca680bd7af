import type { HubStatus } from '@idw/engine/api'
import type { ErrorView } from '../../stores/error-view'

/** What the status bar says about the hub. */
export interface HubSummary {
  tone: 'ok' | 'busy' | 'error' | 'unknown'
  text: string
  /** Longer text for the tooltip: where the hub is and which FDWs it has. */
  title: string
}

/**
 * The status-bar summary of the last `hub/status` answer (`hub`) and of the last check's failure (`error`,
 * which wins: the hub may have gone away since).
 */
export function summarizeHub(hub: HubStatus | null, error: ErrorView | null): HubSummary {
  if (error !== null) return { tone: 'error', text: 'Hub unreachable', title: `${error.code}: ${error.message}` }
  if (hub === null)
    return { tone: 'unknown', text: 'Connecting to hub…', title: 'Waiting for the first hub/status answer' }
  const where = [hub.host === null ? null : `${hub.host}${hub.port === null ? '' : `:${hub.port}`}`, hub.database]
    .filter(Boolean)
    .join('/')
  const installed = hub.extensions.filter((ext) => ext.installedVersion !== null).map((ext) => ext.name)
  const title = [
    `${hub.kind} hub${where === '' ? '' : ` at ${where}`}`,
    hub.dataDir === null ? null : `data: ${hub.dataDir}`,
    installed.length === 0 ? null : `FDWs: ${installed.join(', ')}`,
    hub.error,
  ]
    .filter(Boolean)
    .join('\n')
  const version = hub.version === null ? '' : ` · PostgreSQL ${hub.version}`
  switch (hub.status) {
    case 'ready':
      return { tone: 'ok', text: `Hub ready${version} · ${hub.kind}`, title }
    case 'starting':
      return { tone: 'busy', text: 'Hub starting…', title }
    case 'stopped':
      return { tone: 'unknown', text: 'Hub stopped', title }
    case 'error':
      return { tone: 'error', text: 'Hub error', title }
  }
}
