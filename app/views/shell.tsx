import type { ComponentChildren } from 'preact';
import type { Me } from '../../sdk/index.ts';
import type { Screen } from '../models/router.ts';
import { useApp } from './context.ts';
import { TeamSwitcher } from './team-switcher.tsx';
import { UserMenu } from './user-menu.tsx';
import { useValue } from './use-value.ts';

const NAV: { screen: Screen; label: string; admin: boolean }[] = [
  { screen: 'inbox', label: 'Inbox', admin: false },
  { screen: 'dashboard', label: 'Dashboard', admin: false },
  { screen: 'changes', label: 'Changes', admin: false },
  { screen: 'members', label: 'Members', admin: false },
  { screen: 'notifications', label: 'Notifications', admin: false },
  { screen: 'settings', label: 'Settings', admin: false },
  { screen: 'webhooks', label: 'Webhooks', admin: true },
  { screen: 'outbox', label: 'Outbox', admin: true },
  { screen: 'tokens', label: 'API tokens', admin: true },
  { screen: 'audit', label: 'Audit log', admin: true },
  { screen: 'privacy', label: 'Privacy', admin: true },
];

/** The signed-in frame: the team (and a switcher when in several), the user menu, the navigation, and the screen. */
export function Shell(props: { me: Me; screen: Screen; children: ComponentChildren }) {
  const { router, session } = useApp();
  const isAdmin = useValue(session.isAdmin);
  const failure = useValue(session.failure);
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="mark" aria-hidden="true">
          +1
        </span>
        <TeamSwitcher me={props.me} />
        <UserMenu me={props.me} />
      </header>
      <nav class="tabs" aria-label="Sections">
        <ul>
          {NAV.filter((item) => isAdmin || !item.admin).map((item) => (
            <li key={item.screen}>
              <a
                href={`/${item.screen}`}
                aria-current={item.screen === props.screen || (item.screen === 'inbox' && props.screen === 'response') ? 'page' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  router.go({ screen: item.screen });
                }}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {failure && (
        <p class="notice notice-error banner" role="alert">
          {failure.kind === 'offline' ? 'Could not reach the collector. Check your connection and try again.' : 'That did not work. Try again in a moment.'}
        </p>
      )}
      <main id="main" class="content">
        {props.children}
      </main>
    </div>
  );
}
