import { groupDigits } from '../../format/format.utils'

/**
 * A count whose digit groups are spaced by CSS (`1 234 567` on screen) while its text stays plain digits
 * (`1234567`), so it reads well and copies or parses exactly.
 */
export function GroupedNumber({ value }: { value: number }) {
  return (
    <span className="grouped-number">
      {groupDigits(value).map((group, index) => (
        <span key={index}>{group}</span>
      ))}
    </span>
  )
}
