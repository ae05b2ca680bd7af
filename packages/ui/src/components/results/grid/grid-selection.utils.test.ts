import { describe, expect, it } from 'vitest'
import { cellRange, inRange, isMoveKey, moveCell } from './grid-selection.utils'

describe('moveCell', () => {
  const at = { row: 10, col: 2 }

  it('moves one cell with the arrows, clamped to the grid', () => {
    expect(moveCell(at, 'ArrowDown', false, 100, 5, 20)).toEqual({ row: 11, col: 2 })
    expect(moveCell(at, 'ArrowLeft', false, 100, 5, 20)).toEqual({ row: 10, col: 1 })
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', false, 100, 5, 20)).toEqual({ row: 0, col: 0 })
    expect(moveCell({ row: 99, col: 4 }, 'ArrowRight', false, 100, 5, 20)).toEqual({ row: 99, col: 4 })
  })

  it('moves a page with PageUp/PageDown', () => {
    expect(moveCell(at, 'PageDown', false, 100, 5, 20)).toEqual({ row: 30, col: 2 })
    expect(moveCell(at, 'PageUp', false, 100, 5, 20)).toEqual({ row: 0, col: 2 })
    expect(moveCell({ row: 95, col: 2 }, 'PageDown', false, 100, 5, 20)).toEqual({ row: 99, col: 2 })
  })

  it('goes to the row ends with Home/End and to the grid corners with Ctrl', () => {
    expect(moveCell(at, 'Home', false, 100, 5, 20)).toEqual({ row: 10, col: 0 })
    expect(moveCell(at, 'End', false, 100, 5, 20)).toEqual({ row: 10, col: 4 })
    expect(moveCell(at, 'Home', true, 10_000_000, 5, 20)).toEqual({ row: 0, col: 0 })
    expect(moveCell(at, 'End', true, 10_000_000, 5, 20)).toEqual({ row: 9_999_999, col: 4 })
    expect(moveCell(at, 'ArrowDown', true, 100, 5, 20)).toEqual({ row: 99, col: 2 })
  })

  it('ignores other keys and empty grids', () => {
    expect(moveCell(at, 'a', false, 100, 5, 20)).toBeNull()
    expect(moveCell(at, 'ArrowDown', false, 0, 5, 20)).toBeNull()
    expect(isMoveKey('PageDown')).toBe(true)
    expect(isMoveKey('Enter')).toBe(false)
  })
})

describe('cellRange', () => {
  it('spans anchor and focus in any direction', () => {
    const range = cellRange({ row: 8, col: 3 }, { row: 2, col: 1 })
    expect(range).toEqual({ top: 2, bottom: 8, left: 1, right: 3 })
    expect(inRange(range, 5, 2)).toBe(true)
    expect(inRange(range, 9, 2)).toBe(false)
    expect(inRange(null, 0, 0)).toBe(false)
  })
})
