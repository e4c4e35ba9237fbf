import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Me } from '../../sdk/index.ts';
import { ChangePasswordDialog } from './change-password.tsx';
import { useApp } from './context.ts';

/**
 * Who is signed in, and what they can do about it: change password, sign out, sign out
 * everywhere. A disclosure (a button and a list of buttons), not an ARIA menu: Tab moves through
 * it, Escape closes it and gives focus back to the button.
 */
export function UserMenu(props: { me: Me }) {
  const { session } = useApp();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    // A pointer or the focus going elsewhere closes it; inside it, nothing.
    const onOutside = (event: Event) => {
      if (event.target instanceof Node && root.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);
  const name = props.me.user?.name ?? props.me.actor.name;
  return (
    <div class="user-menu" ref={root}>
      <button ref={button} type="button" class="ghost" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span class="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span class="user-name">{name}</span>
      </button>
      <div id={id} class="popover" hidden={!open}>
        {props.me.user && <p class="popover-who">{props.me.user.email}</p>}
        <ul>
          <li>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setChanging(true);
              }}
            >
              Change password
            </button>
          </li>
          <li>
            <button type="button" onClick={() => void session.signOut()}>
              Sign out
            </button>
          </li>
          <li>
            <button type="button" onClick={() => void session.signOutEverywhere()}>
              Sign out everywhere
            </button>
          </li>
        </ul>
      </div>
      {changing && (
        <ChangePasswordDialog
          onClose={() => {
            setChanging(false);
            button.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}
