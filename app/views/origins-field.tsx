import type { Signal } from '@preact/signals-core';
import { useId } from 'preact/hooks';
import type { OriginProblem } from '../models/sites-origins.ts';
import { MAX_SITE_ORIGINS } from '../../sdk/index.ts';
import { useValue } from './use-value.ts';

/** A site's allowed origins, one per line, with the lines that are not origins named under it. */
export function OriginsField(props: { label: string; value: Signal<string>; problems: readonly OriginProblem[]; empty: boolean; tooMany: boolean }) {
  const id = useId();
  const value = useValue(props.value);
  const error = props.problems.length > 0 ? problemsText(props.problems) : props.empty ? 'Add at least one origin.' : props.tooMany ? `At most ${MAX_SITE_ORIGINS} origins.` : undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        spellcheck={false}
        autoCapitalize="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onInput={(event) => (props.value.value = event.currentTarget.value)}
      />
      <p class="hint" id={`${id}-hint`}>
        One per line, as the browser sends it: scheme, host and port only, e.g. <code>https://shop.example</code>. Only pages there can send responses.
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function problemsText(problems: readonly OriginProblem[]): string {
  return problems
    .map((problem) => `Line ${problem.line} (“${problem.value}”) is not an origin${problem.suggestion ? `: did you mean ${problem.suggestion}?` : ': use scheme://host[:port], e.g. https://shop.example.'}`)
    .join(' ');
}
