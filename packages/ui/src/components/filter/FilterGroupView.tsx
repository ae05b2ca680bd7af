import type { CatalogColumn } from '@idw/engine/api'
import { Icon } from '../common/Icon'
import { ConditionRow } from './ConditionRow'
import { appendEmpty, removeItem, updateItem } from './filter-edit.utils'
import type { FilterGroup, FilterItem } from './filter-state.utils'

interface GroupProps {
  group: FilterGroup
  columns: readonly CatalogColumn[]
  /** The whole tree, for edits anywhere in it. */
  root: FilterGroup
  onRootChange(root: FilterGroup): void
  newId(): string
  depth: number
}

/**
 * An and/or group: its "match all / any" choice, a NOT toggle, its conditions and nested groups, and buttons to
 * add a condition or a group. The root group's own add buttons live in the builder's toolbar.
 */
export function FilterGroupView({ group, columns, root, onRootChange, newId, depth }: GroupProps) {
  const isRoot = group.id === root.id
  const update = (id: string, next: FilterItem): void => onRootChange(updateItem(root, id, () => next))
  const addCondition = (): void => onRootChange(appendEmpty(root, group.id, newId, 'condition'))
  const addGroup = (): void => onRootChange(appendEmpty(root, group.id, newId, 'group'))

  return (
    <div
      className={`filter-group filter-group--${group.join}${group.negated ? ' filter-group--negated' : ''}${isRoot ? ' filter-group--root' : ''}`}
      data-testid={isRoot ? 'filter-root-group' : 'filter-group'}
      data-join={group.join}
    >
      <div className="filter-group__header">
        <button
          type="button"
          className={`chip-toggle${group.negated ? ' chip-toggle--on' : ''}`}
          title="Negate this group ($not)"
          aria-pressed={group.negated}
          onClick={() => update(group.id, { ...group, negated: !group.negated })}
        >
          NOT
        </button>
        <span className="filter-group__label">Match</span>
        <select
          className="select select--inline"
          value={group.join}
          aria-label="Match all or any"
          data-testid="filter-join-select"
          onChange={(event) => update(group.id, { ...group, join: event.target.value === 'or' ? 'or' : 'and' })}
        >
          <option value="and">all ($and)</option>
          <option value="or">any ($or)</option>
        </select>
        <span className="filter-group__label">of these</span>
        <span className="filter-group__spacer" />
        {isRoot ? null : (
          <>
            <button
              type="button"
              className="link-button"
              data-testid="filter-group-add-condition"
              onClick={addCondition}
            >
              <Icon name="plus" size={11} /> Condition
            </button>
            {depth < 6 ? (
              <button type="button" className="link-button" onClick={addGroup}>
                <Icon name="plus" size={11} /> Group
              </button>
            ) : null}
            <button
              type="button"
              className="icon-button"
              title="Remove this group"
              onClick={() => onRootChange(removeItem(root, group.id))}
            >
              <Icon name="close" size={12} />
            </button>
          </>
        )}
      </div>
      <div className="filter-group__items">
        {group.items.map((item, index) => (
          <div key={item.id} className="filter-group__item">
            {index > 0 ? <span className="filter-group__joiner">{group.join}</span> : null}
            {item.kind === 'condition' ? (
              <ConditionRow
                condition={item}
                columns={columns}
                onChange={(next) => update(item.id, next)}
                onRemove={() => onRootChange(removeItem(root, item.id))}
              />
            ) : (
              <FilterGroupView
                group={item}
                columns={columns}
                root={root}
                onRootChange={onRootChange}
                newId={newId}
                depth={depth + 1}
              />
            )}
          </div>
        ))}
        {group.items.length === 0 ? (
          <p className="filter-group__empty">No condition: every row matches. Add a condition to filter.</p>
        ) : null}
      </div>
    </div>
  )
}
