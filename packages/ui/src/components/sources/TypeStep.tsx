import type { SourceType } from '@idw/engine/api'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { fdwIcon, fdwTone } from './source-card.utils'
import { StepFooter } from './StepFooter'

function TypeCard({ type }: { type: SourceType }) {
  const choose = useWorkbench((s) => s.chooseSourceType)
  const version = type.fdwVersion ?? type.installedVersion ?? type.availableVersion
  return (
    <button
      type="button"
      className={`type-card${type.available ? '' : ' type-card--missing'}`}
      data-testid={`source-type-${type.extension}`}
      disabled={!type.available}
      title={type.available ? `${type.label}: ${type.readOnly}` : (type.install ?? undefined)}
      onClick={() => choose(type.extension)}
    >
      <span className={`type-card__icon fdw-${fdwTone(type.extension)}`}>
        <Icon name={fdwIcon(type.extension)} size={18} />
      </span>
      <span className="type-card__text">
        <strong>{type.label}</strong>
        <span className="type-card__description">{type.description}</span>
        {type.available ? (
          <span className="type-card__meta">
            <code>{type.extension}</code>
            {version === null ? null : <span>{version}</span>}
            {type.installedVersion === null ? <span>installed on first use</span> : null}
          </span>
        ) : (
          <span className="type-card__meta type-card__meta--missing">
            <Icon name="warning" size={12} />
            Not installed — install <code>{type.package}</code> on the hub’s server
          </span>
        )}
      </span>
    </button>
  )
}

/** Step 1 of "Add source": paste a URI, or pick a type (cards from `sources/types`, with what the hub lacks). */
export function TypeStep() {
  const uri = useWorkbench((s) => s.sourceDialog.uri)
  const parsing = useWorkbench((s) => s.sourceDialog.parsing)
  const types = useWorkbench((s) => s.sourceDialog.types)
  const typesError = useWorkbench((s) => s.sourceDialog.typesError)
  const setUri = useWorkbench((s) => s.setSourceUri)
  const parse = useWorkbench((s) => s.parseSourceUri)
  const close = useWorkbench((s) => s.closeSourceDialog)
  const canParse = uri.trim() !== '' && !parsing

  return (
    <>
      <div className="source-dialog__body">
        <form
          className="source-uri"
          onSubmit={(event) => {
            event.preventDefault()
            if (canParse) void parse()
          }}
        >
          <label className="source-section__title" htmlFor="source-uri">
            Paste a connection URI
          </label>
          <div className="source-uri__row">
            <input
              id="source-uri"
              className="source-input source-input--mono"
              data-testid="source-uri-input"
              spellCheck={false}
              autoComplete="off"
              autoFocus
              data-autofocus
              placeholder="mysql://reader:p%40ss@db.example.com:3306/shop"
              value={uri}
              onChange={(event) => setUri(event.target.value)}
            />
            <button
              type="submit"
              className="button button--primary"
              data-testid="source-uri-parse"
              disabled={!canParse}
            >
              {parsing ? <Spinner /> : null}
              Use URI
            </button>
          </div>
          <p className="source-field__hint">
            <code>postgresql://</code>, <code>mysql://</code>, <code>mariadb://</code>, <code>sqlserver://</code> or{' '}
            <code>file:///data/orders.csv?format=csv&amp;header=true</code>. Percent-encode special characters of the
            password (<code>p%40ss</code> is <code>p@ss</code>); write <code>{'${NAME}'}</code> to read it from the
            engine’s environment. The form shows what the URI says before anything is saved.
          </p>
        </form>
        <div className="source-divider">
          <span>or pick a type</span>
        </div>
        {types === null ? (
          typesError === null ? (
            <div className="source-dialog__loading">
              <Spinner label="Loading source types" /> Asking the hub which FDWs it has…
            </div>
          ) : (
            <div className="source-callout source-callout--error" role="alert">
              <Icon name="warning" size={14} />
              <span>
                <code>{typesError.code}</code> {typesError.message}
              </span>
            </div>
          )
        ) : (
          <div className="type-cards" role="group" aria-label="Source types">
            {types.types.map((type) => (
              <TypeCard key={type.extension} type={type} />
            ))}
          </div>
        )}
        {types === null ? null : (
          <p className="source-field__hint type-cards__hub">
            Hub: PostgreSQL {types.hub.version}. Files are read on the hub’s machine, by its PostgreSQL server.
          </p>
        )}
      </div>
      <StepFooter>
        <span className="source-dialog__spacer" />
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
      </StepFooter>
    </>
  )
}
