import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { flushSync } from 'react-dom'
import { scrollScale, wheelPixels } from './grid-scroll.utils'
import type { ScrollScale } from './grid-scroll.utils'

/** Where the grid is scrolled to and how big its viewport is. */
export interface GridViewport {
  /** Virtual scroll offset: rows above the viewport × row height. px. */
  virtualTop: number
  /** The element's DOM `scrollTop` when `virtualTop` was set; rows are placed relative to it. px. */
  domTop: number
  scrollLeft: number
  /** Viewport size without scrollbars. px. */
  width: number
  height: number
  scale: ScrollScale
  /** Scrolls so the viewport starts at `virtualTop` (clamped), exactly, on scaled bodies too. */
  scrollToVirtual(virtualTop: number): void
  scrollToLeft(scrollLeft: number): void
}

interface Position {
  virtualTop: number
  domTop: number
  scrollLeft: number
}

/**
 * Scroll state of a grid of `rowCount` rows of `rowHeight` px under a sticky `headerHeight` px header, on
 * the scroll element `ref`.
 *
 * The virtual offset is the source of truth. Bodies taller than browsers lay out are scaled (`scrollScale`);
 * on those the wheel is handled here (`wheelPixels`: a notch moves the same few rows on any result size,
 * where the browser would move `ratio` times more) and the DOM offset follows the virtual one. A scroll the
 * grid did not cause (scrollbar drag, touch) sets the virtual offset from the DOM one. Updates render
 * synchronously (`flushSync`) so rows and scroll position paint in the same frame.
 */
export function useGridViewport(
  ref: RefObject<HTMLDivElement | null>,
  rowCount: number,
  rowHeight: number,
  headerHeight: number,
): GridViewport {
  const [size, setSize] = useState({ width: 0, height: 0 })
  const [position, setPosition] = useState<Position>({ virtualTop: 0, domTop: 0, scrollLeft: 0 })
  const scale = useMemo(
    () => scrollScale(rowCount * rowHeight, headerHeight, size.height),
    [rowCount, rowHeight, headerHeight, size.height],
  )
  const live = useRef({ position, scale, expectedDomTop: null as number | null })
  live.current.position = position
  live.current.scale = scale

  const scrollToVirtual = useCallback(
    (virtualTop: number) => {
      const element = ref.current
      if (element === null) return
      const { scale: current } = live.current
      const target = Math.min(current.virtualMax, Math.max(0, virtualTop))
      const domTop = current.toDom(target)
      live.current.expectedDomTop = domTop
      element.scrollTop = domTop
      const next = { virtualTop: target, domTop: element.scrollTop, scrollLeft: element.scrollLeft }
      live.current.position = next
      flushSync(() => setPosition(next))
    },
    [ref],
  )

  const scrollToLeft = useCallback(
    (scrollLeft: number) => {
      if (ref.current !== null) ref.current.scrollLeft = Math.max(0, scrollLeft)
    },
    [ref],
  )

  useEffect(() => {
    const element = ref.current
    if (element === null) return
    const measure = (): void => setSize({ width: element.clientWidth, height: element.clientHeight })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)

    const onScroll = (): void => {
      const { position: last, scale: current, expectedDomTop } = live.current
      const domTop = element.scrollTop
      const ours = expectedDomTop !== null && Math.abs(domTop - expectedDomTop) <= 1
      if (!ours) live.current.expectedDomTop = null
      const next = {
        virtualTop: ours ? last.virtualTop : current.toVirtual(domTop),
        domTop,
        scrollLeft: element.scrollLeft,
      }
      if (next.virtualTop === last.virtualTop && next.domTop === last.domTop && next.scrollLeft === last.scrollLeft)
        return
      live.current.position = next
      flushSync(() => setPosition(next))
    }

    const onWheel = (event: WheelEvent): void => {
      const { scale: current, position: last } = live.current
      if (current.ratio === 1 || event.ctrlKey) return
      event.preventDefault()
      const page = element.clientHeight - headerHeight
      let dx = wheelPixels(event.deltaX, event.deltaMode, rowHeight, element.clientWidth)
      let dy = wheelPixels(event.deltaY, event.deltaMode, rowHeight, page)
      if (event.shiftKey && dx === 0) [dx, dy] = [dy, 0]
      if (dx !== 0) element.scrollLeft += dx
      if (dy !== 0) scrollToVirtual(last.virtualTop + dy)
    }

    element.addEventListener('scroll', onScroll, { passive: true })
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => {
      observer.disconnect()
      element.removeEventListener('scroll', onScroll)
      element.removeEventListener('wheel', onWheel)
    }
  }, [ref, rowHeight, headerHeight, scrollToVirtual])

  useLayoutEffect(() => {
    const element = ref.current
    const { position: last } = live.current
    if (element === null) return
    const virtualTop = Math.min(last.virtualTop, scale.virtualMax)
    const domTop = scale.toDom(virtualTop)
    if (virtualTop === last.virtualTop && Math.abs(domTop - element.scrollTop) <= 1) return
    live.current.expectedDomTop = domTop
    element.scrollTop = domTop
    const next = { virtualTop, domTop: element.scrollTop, scrollLeft: element.scrollLeft }
    live.current.position = next
    setPosition(next)
  }, [ref, scale])

  return { ...position, ...size, scale, scrollToVirtual, scrollToLeft }
}
