import { useRef } from 'react'
import type { KeyboardEvent, PointerEvent } from 'react'
import { SPLIT_KEY_STEP_PX, nextSplitValue } from './Splitter.utils'

interface SplitterProps {
  /** `vertical`: a bar between left and right panes (drags along x); `horizontal`: between top and bottom. */
  orientation: 'vertical' | 'horizontal'
  value: number
  min: number
  max: number
  /** Value units per pixel at drag start (1 for px sizes, 1/height for shares). */
  unitsPerPixel: () => number
  onChange(value: number): void
  label: string
}

/** A draggable, keyboard-movable bar between two panes (`role="separator"`). */
export function Splitter({ orientation, value, min, max, unitsPerPixel, onChange, label }: SplitterProps) {
  const drag = useRef<{ origin: number; start: number; factor: number } | null>(null)
  const axis = (event: PointerEvent): number => (orientation === 'vertical' ? event.clientX : event.clientY)

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { origin: axis(event), start: value, factor: unitsPerPixel() }
    document.body.classList.add(`is-resizing-${orientation}`)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const current = drag.current
    if (current !== null)
      onChange(nextSplitValue(current.start, axis(event) - current.origin, current.factor, min, max))
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>): void => {
    event.currentTarget.releasePointerCapture(event.pointerId)
    drag.current = null
    document.body.classList.remove(`is-resizing-${orientation}`)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp'
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown'
    if (event.key !== back && event.key !== forward) return
    event.preventDefault()
    const delta = event.key === forward ? SPLIT_KEY_STEP_PX : -SPLIT_KEY_STEP_PX
    onChange(nextSplitValue(value, delta, unitsPerPixel(), min, max))
  }

  return (
    <div
      className={`splitter splitter--${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
