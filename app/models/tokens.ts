import { batch, computed, signal } from '@preact/signals-core';
import type { AdminClient, ApiToken } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * API tokens (admin): create one (name, read or write), whose secret is shown this once; the list
 * with when each was last used; revoke after a confirmation. Revoked tokens stay listed, marked.
 */
export function createTokens(deps: { client: Pick<AdminClient, 'tokens' | 'createToken' | 'revokeToken' | 'members'>; now: () => number }) {
  const { client } = deps;
  const items = signal<ApiToken[]>([]);
  /** Members' names by user id: a token records who made it by id. */
  const names = signal<ReadonlyMap<string, string>>(new Map());
  const name = signal('');
  const scope = signal<ApiToken['scope']>('read');
  /** The token just made and its secret: shown until dismissed, never again. */
  const created = signal<{ token: ApiToken; secret: string } | undefined>(undefined);
  const confirmingRevoke = signal<string | undefined>(undefined);
  const load = createTask();
  const create = createTask();
  const revoke = createTask();
  return {
    items,
    /** Live tokens first (newest first, as listed), then the revoked ones. */
    sorted: computed(() => [...items.value.filter((token) => !token.revokedAt), ...items.value.filter((token) => token.revokedAt)]),
    name,
    scope,
    created,
    confirmingRevoke,
    loading: load.busy,
    loadFailure: load.failure,
    creating: create.busy,
    createFailure: create.failure,
    revokeFailure: revoke.failure,
    /** Who made a token, by name when they are (still) a member. */
    creatorName: (token: ApiToken) => (token.createdBy ? names.value.get(token.createdBy) : undefined),
    async load() {
      // The names are a nicety: the list shows without them if they cannot be read.
      const [answer, members] = await Promise.all([load.run(() => client.tokens()), client.members().catch(() => [])]);
      if (!answer) return;
      batch(() => {
        items.value = answer;
        names.value = new Map(members.map((member) => [member.userId, member.name]));
      });
    },
    async create() {
      if (create.busy.value) return;
      const answer = await create.run(() => client.createToken({ name: name.value.trim(), scope: scope.value }));
      if (!answer) return;
      batch(() => {
        items.value = [answer.token, ...items.value];
        created.value = answer;
        name.value = '';
      });
    },
    dismissCreated() {
      created.value = undefined;
    },
    askRevoke(id: string) {
      confirmingRevoke.value = id;
    },
    cancelRevoke() {
      confirmingRevoke.value = undefined;
    },
    async confirmRevoke() {
      const id = confirmingRevoke.value;
      if (id === undefined) return;
      await revoke.run(() => client.revokeToken(id));
      if (revoke.disposed) return;
      confirmingRevoke.value = undefined;
      if (!revoke.failure.value) {
        const at = new Date(deps.now()).toISOString();
        items.value = items.value.map((token) => (token.id === id ? { ...token, revokedAt: at } : token));
      }
    },
    dispose() {
      load.dispose();
      create.dispose();
      revoke.dispose();
    },
  };
}
export type Tokens = ReturnType<typeof createTokens>;
