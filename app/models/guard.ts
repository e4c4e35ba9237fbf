import type { Role } from '../../sdk/index.ts';
import { ADMIN_SCREENS, PUBLIC_SCREENS, type Route } from './router.ts';

/** Where a person may be, given whether (and as what) they are signed in. */
export type Access = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; role: Role };

/**
 * The route to show for `route`: signed out, an app screen shows sign-in; signed in, sign-in shows
 * the inbox and an admin screen the inbox for a non-admin. The link pages (invite, reset) are open
 * to both: someone signed in may accept an invitation to a second team. `undefined`: show `route`.
 */
export function redirectFor(route: Route, access: Access): Route | undefined {
  if (access.state === 'loading') return undefined;
  const isPublic = PUBLIC_SCREENS.includes(route.screen);
  if (access.state === 'signed-out') return isPublic ? undefined : { screen: 'sign-in' };
  if (route.screen === 'sign-in') return { screen: 'inbox' };
  if (ADMIN_SCREENS.includes(route.screen) && access.role !== 'admin') return { screen: 'inbox' };
  return undefined;
}
