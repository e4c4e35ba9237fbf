import { useId, useState } from 'preact/hooks';
import { useApp } from './context.ts';

/** A value to hand over (a link, a secret), read-only and selectable, with a copy button that says when it copied. */
export function CopyField(props: { label: string; value: string }) {
  const { platform } = useApp();
  const id = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    platform.copyText(props.value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <div class="copy-field">
      <label for={id}>{props.label}</label>
      <div class="copy-row">
        <input id={id} readOnly value={props.value} onFocus={(event) => event.currentTarget.select()} spellcheck={false} />
        <button type="button" onClick={copy}>
          Copy
        </button>
      </div>
      <p class="hint" role="status">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'Could not copy: select the text and copy it yourself.' : ''}
      </p>
    </div>
  );
}
