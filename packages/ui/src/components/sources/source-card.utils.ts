import type { SourceCard } from '@idw/engine/api'
import type { IconName } from '../common/Icon'

/** Colour family of an FDW (the catalog's badge colours). */
export function fdwTone(fdw: string): 'pg' | 'file' | 'mysql' | 'other' {
  if (fdw.startsWith('postgres')) return 'pg'
  if (fdw.startsWith('file') || fdw.startsWith('ogr')) return 'file'
  if (fdw.startsWith('mysql')) return 'mysql'
  return 'other'
}

/** The icon of an FDW: a database, a table for a CSV file, layers for GDAL's sheets and layers. */
export function fdwIcon(fdw: string): IconName {
  if (fdw.startsWith('file')) return 'table'
  if (fdw.startsWith('ogr')) return 'layers'
  return 'database'
}

/** A card's status as a dot and a word, with the reason in `title`. */
export function cardStatus(card: SourceCard): { tone: 'ok' | 'warn' | 'error'; label: string; title: string } {
  switch (card.status) {
    case 'ready':
      return { tone: 'ok', label: 'Ready', title: 'Server, user mapping and tables are in the hub.' }
    case 'incomplete':
      return {
        tone: 'warn',
        label: 'Incomplete',
        title: card.statusMessage ?? 'Some hub objects of this source are missing: refresh it.',
      }
    case 'failed':
      return { tone: 'error', label: 'Failed', title: card.statusMessage ?? 'The last refresh failed.' }
  }
}

/** `2 minutes ago` style text for an ISO time, against `now` (ms since the epoch). */
export function formatAgo(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000))
  if (Number.isNaN(seconds)) return iso
  if (seconds < 45) return 'just now'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  const days = Math.round(hours / 24)
  return `${days} day${days === 1 ? '' : 's'} ago`
}

/** The facts line of a card: `2 tables · from the UI · refreshed 5 min ago`. */
export function cardFacts(card: SourceCard, now: number): string {
  const tables = `${card.tables} table${card.tables === 1 ? '' : 's'}`
  const origin = card.origin === 'config' ? 'config file' : 'added here'
  const when =
    card.refreshedAt === null
      ? `added ${formatAgo(card.appliedAt, now)}`
      : `refreshed ${formatAgo(card.refreshedAt, now)}`
  return [tables, origin, when].join(' · ')
}
