import { useEffect } from 'preact/hooks';
import { redirectFor } from '../models/guard.ts';
import type { Route } from '../models/router.ts';
import { useApp } from './context.ts';
import { InboxScreen } from './inbox.tsx';
import {
  AcceptInvitationScreen,
  AuditScreen,
  ChangesScreen,
  DashboardScreen,
  MembersScreen,
  NotificationsScreen,
  OutboxScreen,
  PrivacyScreen,
  ResetPasswordScreen,
  ResponseScreen,
  SettingsScreen,
  SignInScreen,
  TokensScreen,
  WebhooksScreen,
} from './lazy-screens.ts';
import { ErrorNote } from './notice.tsx';
import { PublicLayout } from './public-layout.tsx';
import { Shell } from './shell.tsx';
import { useValue } from './use-value.ts';
import { failureText } from './words.ts';

/** The app: the screen for the address, or where the guard sends this person instead. */
export function App() {
  const { router, session } = useApp();
  const asked = useValue(router.route);
  const access = useValue(session.access);
  const me = useValue(session.me);
  const failure = useValue(session.failure);
  const redirect = redirectFor(asked, access);
  useEffect(() => {
    if (redirect) router.replace(redirect);
  }, [redirect?.screen]);
  const route: Route = redirect ?? asked;

  if (route.screen === 'invite') return <AcceptInvitationScreen key={route.token} token={route.token} />;
  if (route.screen === 'reset-password') return <ResetPasswordScreen key={route.token} token={route.token} />;
  if (access.state === 'loading')
    return (
      <PublicLayout>
        {failure ? (
          <ErrorNote>
            {failureText(failure, 'open onepoint')}{' '}
            <button type="button" class="link" onClick={() => void session.load()}>
              Try again
            </button>
          </ErrorNote>
        ) : (
          <p class="lede" role="status">
            Opening onepoint…
          </p>
        )}
      </PublicLayout>
    );
  if (route.screen === 'sign-in' || !me) return <SignInScreen />;
  return (
    <Shell me={me} screen={route.screen}>
      {/* Keyed by team: switching teams starts each screen's model afresh. */}
      <Screen key={`${me.team.id}:${route.screen}:${route.id ?? ''}`} route={route} />
    </Shell>
  );
}

function Screen({ route }: { route: Route }) {
  if (route.screen === 'dashboard') return <DashboardScreen params={route.params} />;
  if (route.screen === 'members') return <MembersScreen />;
  if (route.screen === 'tokens') return <TokensScreen />;
  if (route.screen === 'audit') return <AuditScreen />;
  if (route.screen === 'privacy') return <PrivacyScreen />;
  if (route.screen === 'settings') return <SettingsScreen />;
  if (route.screen === 'response' && route.id) return <ResponseScreen id={route.id} {...(route.query ? { query: route.query } : {})} />;
  if (route.screen === 'webhooks') return <WebhooksScreen />;
  if (route.screen === 'outbox') return <OutboxScreen />;
  if (route.screen === 'notifications') return <NotificationsScreen />;
  if (route.screen === 'changes') return <ChangesScreen />;
  return <InboxScreen {...(route.query ? { query: route.query } : {})} />;
}
