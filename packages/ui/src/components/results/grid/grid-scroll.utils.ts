/**
 * Tallest scroll body the grid lets the browser lay out. px. Browsers cap element heights (Chrome near 33.5 M
 * px, Firefox near 17.9 M px), which 3 million rows of 26 px (78 M px) exceed; past this height the grid scrolls
 * a scaled body instead.
 */
const MAX_SCROLL_BODY_PX = 10_000_000

/** Mapping between the browser's scroll offset and the grid's virtual one. */
export interface ScrollScale {
  /** Height given to the scroll body in the page. px. */
  domBodyHeight: number
  /** Largest virtual scroll offset: the last row's bottom meets the viewport's bottom. px. */
  virtualMax: number
  /** Largest DOM scroll offset. px. */
  domMax: number
  /** Virtual px per DOM px; 1 while the body fits `maxBodyPx`. */
  ratio: number
  /** Virtual scroll offset of a DOM scroll offset. px. */
  toVirtual(domOffset: number): number
  /** DOM scroll offset of a virtual scroll offset. px. */
  toDom(virtualOffset: number): number
}

/**
 * The scroll scale of a grid whose rows need `bodyHeight` px below a sticky `headerHeight` px header in a
 * viewport of `viewportHeight` px: the identity while the body fits `maxBodyPx`, else a linear map under which
 * the DOM's last scroll position shows the last row.
 */
export function scrollScale(
  bodyHeight: number,
  headerHeight: number,
  viewportHeight: number,
  maxBodyPx = MAX_SCROLL_BODY_PX,
): ScrollScale {
  const domBodyHeight = Math.min(bodyHeight, maxBodyPx)
  const virtualMax = Math.max(0, headerHeight + bodyHeight - viewportHeight)
  const domMax = Math.max(0, headerHeight + domBodyHeight - viewportHeight)
  const ratio = domMax > 0 && virtualMax > domMax ? virtualMax / domMax : 1
  return {
    domBodyHeight,
    virtualMax,
    domMax,
    ratio,
    toVirtual: (domOffset) => Math.min(virtualMax, Math.max(0, domOffset * ratio)),
    toDom: (virtualOffset) => Math.min(domMax, Math.max(0, virtualOffset / ratio)),
  }
}

/** `WheelEvent.deltaMode` values (https://w3c.github.io/uievents/#dom-wheelevent-deltamode). */
const DOM_DELTA_LINE = 1
const DOM_DELTA_PAGE = 2

/**
 * How far one wheel event scrolls the grid, in virtual px: pixel deltas as given (Chrome sends ±100 per notch,
 * touchpads many small ones), a line as one row (Firefox sends 3 lines per notch), a page as the viewport's
 * rows. The same on any result size: a scaled body does not multiply it.
 */
export function wheelPixels(delta: number, deltaMode: number, rowHeight: number, pageHeight: number): number {
  if (deltaMode === DOM_DELTA_LINE) return delta * rowHeight
  if (deltaMode === DOM_DELTA_PAGE) return delta * Math.max(rowHeight, pageHeight)
  return delta
}

/** The rows to render for a virtual offset: `[first, end)` with `overscan` rows either side, within `rowCount`. */
export function visibleRowRange(
  virtualTop: number,
  viewportRows: number,
  rowHeight: number,
  rowCount: number,
  overscan: number,
): { first: number; end: number } {
  const top = Math.floor(virtualTop / rowHeight)
  return {
    first: Math.max(0, top - overscan),
    end: Math.min(rowCount, top + Math.ceil(viewportRows) + 1 + overscan),
  }
}

/**
 * The virtual offset that brings row `row` fully into a body of `bodyHeight` px (viewport minus header)
 * scrolled to `virtualTop`, moving as little as possible: unchanged when the row is already in view. px.
 */
export function offsetToShowRow(row: number, virtualTop: number, rowHeight: number, bodyHeight: number): number {
  const top = row * rowHeight
  if (top < virtualTop) return top
  if (top + rowHeight > virtualTop + bodyHeight) return top + rowHeight - bodyHeight
  return virtualTop
}

/**
 * The horizontal offset that brings the span `[start, start + width)` (content px) into a viewport of
 * `viewportWidth` px scrolled to `scrollLeft` whose left `stickyWidth` px are covered by pinned columns.
 */
export function offsetToShowSpan(
  start: number,
  width: number,
  scrollLeft: number,
  viewportWidth: number,
  stickyWidth: number,
): number {
  if (start - stickyWidth < scrollLeft) return Math.max(0, start - stickyWidth)
  if (start + width > scrollLeft + viewportWidth) return start + width - viewportWidth
  return scrollLeft
}
