import type { Signal } from '@preact/signals-core';
import { useId } from 'preact/hooks';
import { useValue } from './use-value.ts';

export interface FieldProps {
  label: string;
  value: Signal<string>;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  required?: boolean;
  /** Said under the field, always (e.g. the password rules). */
  hint?: string | undefined;
  /** Said under the field when set, and the field marked invalid. */
  error?: string | undefined;
  minLength?: number;
  maxLength?: number;
}

/** A labelled input bound to a model's signal, with its hint and error tied to it for screen readers. */
export function Field(props: FieldProps) {
  const id = useId();
  const value = useValue(props.value);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  // One set of attributes for each input type (Preact's types tell the types apart).
  const attributes = {
    id,
    value,
    autoComplete: props.autoComplete,
    required: props.required,
    minLength: props.minLength,
    maxLength: props.maxLength,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
    onInput: (event: { currentTarget: HTMLInputElement }) => (props.value.value = event.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.type === 'password' ? <input type="password" {...attributes} /> : props.type === 'email' ? <input type="email" {...attributes} /> : <input type="text" {...attributes} />}
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
