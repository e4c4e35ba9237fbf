import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * The screen's `<h1>`, which takes focus when the screen opens (so a screen reader says where
 * they are and Tab starts from the top of the new screen), and the document's title.
 */
export function ScreenHeading(props: { title: string; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · onepoint`;
    heading.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {props.children ?? props.title}
    </h1>
  );
}
