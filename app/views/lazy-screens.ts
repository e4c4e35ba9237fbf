import { lazy } from './lazy.tsx';

// Screens most visits never open load when first shown, each its own chunk. Those a visit to the
// inbox leads to next (one response, members, signing in) are fetched once the inbox is up.
export const ResponseScreen = lazy(() => import('./response.tsx').then((m) => m.ResponseScreen));
export const MembersScreen = lazy(() => import('./members.tsx').then((m) => m.MembersScreen));
export const SignInScreen = lazy(() => import('./sign-in.tsx').then((m) => m.SignInScreen));
export const AcceptInvitationScreen = lazy(() => import('./accept-invitation.tsx').then((m) => m.AcceptInvitationScreen));
export const ResetPasswordScreen = lazy(() => import('./reset-password.tsx').then((m) => m.ResetPasswordScreen));
export const DashboardScreen = lazy(() => import('./dashboard.tsx').then((m) => m.DashboardScreen));
export const TokensScreen = lazy(() => import('./tokens.tsx').then((m) => m.TokensScreen));
export const AuditScreen = lazy(() => import('./audit.tsx').then((m) => m.AuditScreen));
export const PrivacyScreen = lazy(() => import('./privacy.tsx').then((m) => m.PrivacyScreen));
export const SettingsScreen = lazy(() => import('./settings.tsx').then((m) => m.SettingsScreen));
export const WebhooksScreen = lazy(() => import('./webhooks.tsx').then((m) => m.WebhooksScreen));
export const OutboxScreen = lazy(() => import('./outbox.tsx').then((m) => m.OutboxScreen));
export const NotificationsScreen = lazy(() => import('./mail-preferences.tsx').then((m) => m.NotificationsScreen));
export const ChangesScreen = lazy(() => import('./changes.tsx').then((m) => m.ChangesScreen));
