import { batch, signal } from '@preact/signals-core';
import type { AdminClient, Invitation, Role } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * Pending invitations (admin): invite by email and role, which answers a single-use link to copy
 * (until mail sends it), and revoke one.
 */
export function createInvitations(deps: { client: Pick<AdminClient, 'invitations' | 'invite' | 'revokeInvitation'> }) {
  const { client } = deps;
  const items = signal<Invitation[]>([]);
  const email = signal('');
  const role = signal<Role>('member');
  /** The link of the invitation just made, to copy. */
  const created = signal<{ email: string; link: string } | undefined>(undefined);
  const load = createTask();
  const invite = createTask();
  const revoke = createTask();
  // A list asked for before an invitation or a revocation here is older than what this model knows.
  let changes = 0;
  return {
    items,
    email,
    role,
    created,
    loading: load.busy,
    loadFailure: load.failure,
    inviting: invite.busy,
    inviteFailure: invite.failure,
    revokeFailure: revoke.failure,
    async load() {
      const asked = changes;
      const answer = await load.run(() => client.invitations());
      if (answer && asked === changes) items.value = answer;
    },
    async invite() {
      if (invite.busy.value) return;
      const answer = await invite.run(() => client.invite({ email: email.value.trim(), role: role.value }));
      if (!answer) return;
      changes += 1;
      batch(() => {
        items.value = [answer.invitation, ...items.value.filter((item) => item.id !== answer.invitation.id)];
        created.value = { email: answer.invitation.email, link: answer.link };
        email.value = '';
      });
    },
    async revoke(id: string) {
      await revoke.run(() => client.revokeInvitation(id));
      if (revoke.failure.value || revoke.disposed) return;
      changes += 1;
      items.value = items.value.filter((item) => item.id !== id);
    },
    dismissCreated() {
      created.value = undefined;
    },
    dispose() {
      load.dispose();
      invite.dispose();
      revoke.dispose();
    },
  };
}
export type Invitations = ReturnType<typeof createInvitations>;
