import { useMemo } from 'react'
import { dialogSourceType } from '../../stores/source-dialog-slice'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { fdwIcon, fdwTone } from './source-card.utils'
import { formProblems } from './source-form.utils'
import { SourceFormFields } from './SourceFormFields'
import { StepFooter } from './StepFooter'
import { VerdictPanel } from './VerdictPanel'

/** `text` ending with a full stop (the engine's reasons come without one). */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** Step 2 of "Add source": the type's form, the vault warning, "Test connection" and its verdict. */
export function ConnectStep() {
  const form = useWorkbench((s) => s.sourceDialog.form)
  const type = useWorkbench(dialogSourceType)
  const vault = useWorkbench((s) => s.sources.vault)
  const testing = useWorkbench((s) => s.sourceDialog.test.status === 'running')
  const adding = useWorkbench((s) => s.sourceDialog.adding)
  const back = useWorkbench((s) => s.sourceDialogBack)
  const test = useWorkbench((s) => s.testSourceDraft)
  const next = useWorkbench((s) => s.showRemoteTables)
  const add = useWorkbench((s) => s.addSource)
  const problems = useMemo(() => (form === null || type === null ? [] : formProblems(form, type)), [form, type])

  if (form === null || type === null)
    return (
      <div className="source-dialog__body source-dialog__loading">
        <Spinner label="Loading source types" /> Loading source types…
      </div>
    )
  const hasSecret = type.options.some((o) => o.secret)
  const imports = type.extension !== 'file_fdw'
  const blocked = problems.length > 0

  return (
    <>
      <div className="source-dialog__body">
        <div className="source-type-line">
          <span className={`source-type-line__icon fdw-${fdwTone(type.extension)}`}>
            <Icon name={fdwIcon(type.extension)} size={16} />
          </span>
          <span className="source-type-line__text">
            <strong>{type.label}</strong>
            <span>
              {type.extension}
              {type.fdwVersion === null ? '' : ` ${type.fdwVersion}`} · {type.description}
            </span>
          </span>
          <button type="button" className="link-button" onClick={back}>
            Change type
          </button>
        </div>
        {hasSecret && vault?.unlocked === false ? (
          <div className="source-callout source-callout--warn" role="note" data-testid="source-vault-locked">
            <Icon name="warning" size={14} />
            <span>
              <strong>Typed passwords cannot be saved: the engine’s vault is locked.</strong>{' '}
              {vault.reason === null ? (
                <>
                  Set <code>IDW_MASTER_KEY</code> (32 bytes, e.g. <code>openssl rand -hex 32</code>) where the engine
                  runs and restart it, or write the password as <code>{'${NAME}'}</code> to read it from the engine’s
                  environment.
                </>
              ) : (
                asSentence(vault.reason)
              )}{' '}
              Testing works either way.
            </span>
          </div>
        ) : null}
        <SourceFormFields form={form} type={type} />
        <VerdictPanel />
      </div>
      <StepFooter back>
        <span className="source-dialog__problems" title={problems.join('\n')}>
          {problems[0] ?? ''}
        </span>
        <button
          type="button"
          className="button"
          data-testid="source-test"
          disabled={blocked || testing}
          onClick={() => void test()}
        >
          {testing ? <Spinner /> : <Icon name="gauge" size={14} />}
          Test connection
        </button>
        {imports ? (
          <button
            type="button"
            className="button button--primary"
            data-testid="source-next"
            disabled={blocked || testing}
            onClick={() => void next()}
          >
            Choose tables
            <Icon name="chevron" size={12} />
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            data-testid="source-add-confirm"
            disabled={blocked || testing || adding}
            onClick={() => void add()}
          >
            {adding ? <Spinner /> : <Icon name="plus" size={14} />}
            Add source
          </button>
        )}
      </StepFooter>
    </>
  )
}
