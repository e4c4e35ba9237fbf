import { useEffect } from 'preact/hooks';
import type { Screen } from '../models/router.ts';
import { createSites } from '../models/sites.ts';
import { useApp } from './context.ts';
import { ScreenHeading } from './screen-heading.tsx';
import { SitesSection } from './sites.tsx';
import { TeamSettingsPanel } from './settings-team.tsx';
import { useModel, useValue } from './use-value.ts';

/** Where the team's other settings live; `admin`: shown to admins only. */
const LINKS: { screen: Screen; label: string; hint: string; admin: boolean }[] = [
  { screen: 'members', label: 'Members', hint: 'who is in the team, their roles, invitations', admin: false },
  { screen: 'tokens', label: 'API tokens', hint: 'for your own scripts and tools', admin: true },
  { screen: 'audit', label: 'Audit log', hint: 'who changed what, and when', admin: true },
  // The playbooks' editor (per-segment checklists, SPEC §10) adds its screen here.
];

/** Settings: the team (name, SLA), its sites and their script tags, and links to members, tokens and the audit log. Admins edit; others read. */
export function SettingsScreen() {
  const { client, router, session } = useApp();
  const isAdmin = useValue(session.isAdmin);
  const sites = useModel(() => createSites({ client }));
  useEffect(() => void sites.load(), [sites]);
  return (
    <>
      <ScreenHeading title="Settings" />
      {!isAdmin && <p class="lede">Only the team’s admins change these settings.</p>}
      <TeamSettingsPanel editable={isAdmin} />
      <SitesSection model={sites} editable={isAdmin} />
      <nav aria-labelledby="more-settings-title">
        <h2 id="more-settings-title">More settings</h2>
        <ul class="rows">
          {LINKS.filter((link) => isAdmin || !link.admin).map((link) => (
            <li key={link.screen} class="row">
              <a
                href={`/${link.screen}`}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  router.go({ screen: link.screen });
                }}
              >
                {link.label}
              </a>
              <span class="muted">{link.hint}</span>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
