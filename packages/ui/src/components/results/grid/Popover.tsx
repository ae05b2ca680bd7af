import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'

/** Gap between the anchor and the popover, and the popover and the window edge. px. */
const GAP = 4

/**
 * A floating panel under `anchor` (a `DOMRect` in viewport px), kept inside the window, rendered into
 * `document.body` so the grid's scrolling does not clip it. Closes on Escape and on a mouse press outside.
 */
export function Popover({
  anchor,
  onClose,
  children,
  label,
  testId,
  align = 'end',
}: {
  anchor: DOMRect
  onClose(): void
  children: ReactNode
  label: string
  testId?: string
  align?: 'start' | 'end'
}) {
  const ref = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState({ left: anchor.left, top: anchor.bottom + GAP })

  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect()
    if (box === undefined) return
    const wanted = align === 'end' ? anchor.right - box.width : anchor.left
    const left = Math.max(GAP, Math.min(window.innerWidth - box.width - GAP, wanted))
    const below = anchor.bottom + GAP
    const top = below + box.height > window.innerHeight - GAP ? Math.max(GAP, anchor.top - box.height - GAP) : below
    setPosition({ left, top })
  }, [anchor, align])

  useEffect(() => {
    const onPointer = (event: MouseEvent): void => {
      if (ref.current !== null && !ref.current.contains(event.target as Node)) onClose()
    }
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.stopPropagation()
        onClose()
      }
    }
    document.addEventListener('mousedown', onPointer, true)
    document.addEventListener('keydown', onKey, true)
    return () => {
      document.removeEventListener('mousedown', onPointer, true)
      document.removeEventListener('keydown', onKey, true)
    }
  }, [onClose])

  return createPortal(
    <div ref={ref} className="grid-popover" role="dialog" aria-label={label} data-testid={testId} style={position}>
      {children}
    </div>,
    document.body,
  )
}
