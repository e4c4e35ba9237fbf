import { signal } from '@preact/signals-core';
import type { AdminClient, Member, Role } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * The team's members. Everyone reads the list; admins change roles, remove people (after a
 * confirmation) and make password-reset links to hand over. The collector refuses to leave a
 * team without an admin (409), which shows as the action's failure.
 */
export function createMembers(deps: { client: Pick<AdminClient, 'members' | 'updateMember' | 'removeMember' | 'resetLink'> }) {
  const { client } = deps;
  const items = signal<Member[]>([]);
  const loaded = signal(false);
  /** The member whose removal waits for a confirmation. */
  const confirmingRemoval = signal<string | undefined>(undefined);
  /** The last reset link made, for whom. */
  const resetLink = signal<{ userId: string; link: string; expiresAt: string } | undefined>(undefined);
  const load = createTask();
  const action = createTask();
  const replace = (member: Member) => (items.value = items.value.map((item) => (item.userId === member.userId ? member : item)));
  return {
    items,
    loaded,
    loading: load.busy,
    loadFailure: load.failure,
    busy: action.busy,
    /** Why the last change failed (e.g. 409: the last admin). */
    failure: action.failure,
    confirmingRemoval,
    resetLink,
    async load() {
      const answer = await load.run(() => client.members());
      if (!answer) return;
      items.value = answer;
      loaded.value = true;
    },
    async changeRole(userId: string, role: Role) {
      const answer = await action.run(() => client.updateMember(userId, { role }));
      if (answer) replace(answer);
    },
    askRemoval(userId: string) {
      confirmingRemoval.value = userId;
    },
    cancelRemoval() {
      confirmingRemoval.value = undefined;
    },
    async confirmRemoval() {
      const userId = confirmingRemoval.value;
      if (userId === undefined) return;
      await action.run(() => client.removeMember(userId));
      confirmingRemoval.value = undefined;
      if (!action.failure.value && !action.disposed) items.value = items.value.filter((item) => item.userId !== userId);
    },
    async makeResetLink(userId: string) {
      const answer = await action.run(() => client.resetLink(userId));
      if (answer) resetLink.value = { userId, ...answer };
    },
    dismissResetLink() {
      resetLink.value = undefined;
    },
    dispose() {
      load.dispose();
      action.dispose();
    },
  };
}
export type Members = ReturnType<typeof createMembers>;
