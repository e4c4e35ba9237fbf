import type { ComponentChildren } from 'preact';

/** The frame of the pages people see before they are in: the mark and one calm card. */
export function PublicLayout(props: { children: ComponentChildren }) {
  return (
    <div class="public">
      <p class="brand" aria-hidden="true">
        <span class="mark">+1</span> onepoint
      </p>
      <main class="card public-card">{props.children}</main>
    </div>
  );
}
