import type { ComponentChildren } from 'preact';

/** A failure, announced when it appears (role=alert). */
export function ErrorNote(props: { children: ComponentChildren }) {
  return (
    <p class="notice notice-error" role="alert">
      {props.children}
    </p>
  );
}

/** A calm confirmation, announced politely. */
export function StatusNote(props: { children: ComponentChildren }) {
  return (
    <p class="notice notice-ok" role="status">
      {props.children}
    </p>
  );
}
