import { computed, signal } from '@preact/signals-core';
import type { AdminClient, FollowUpChange, FollowUpStatus, Member, Playbook, ResponseDetail } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/** The steps of a playbook ticked on one response, from its timeline (the last tick of each step wins). */
export function tickedSteps(detail: ResponseDetail | undefined): ReadonlySet<string> {
  const done = new Set<string>();
  for (const entry of detail?.timeline ?? []) {
    if (entry.kind !== 'step') continue;
    if (entry.done) done.add(entry.step);
    else done.delete(entry.step);
  }
  return done;
}

/**
 * Whether a response is overdue at `now`: still to do (new or contacted) and past its due date.
 * @example isOverdue({ followUpStatus: 'new', dueAt: '2026-01-01T00:00:00Z' }, Date.UTC(2026, 0, 2)) // true
 */
export const isOverdue = (record: { followUpStatus: FollowUpStatus; dueAt: string }, now: number) =>
  (record.followUpStatus === 'new' || record.followUpStatus === 'contacted') && Date.parse(record.dueAt) < now;

/**
 * One response (SPEC §10): everything it holds, its timeline, the same person's others, the team's
 * playbook for its segment and the members it may be assigned to; changes (owner, status, due
 * date, notes, steps) answer the detail after them, which replaces the one shown.
 */
export function createResponse(deps: { client: Pick<AdminClient, 'get' | 'updateFollowUp' | 'playbooks' | 'members'>; id: string }) {
  const { client, id } = deps;
  const detail = signal<ResponseDetail | undefined>(undefined);
  const playbooks = signal<Playbook[]>([]);
  const members = signal<Member[]>([]);
  const load = createTask();
  const change = createTask();
  const playbook = computed(() => playbooks.value.find((one) => one.segment === detail.value?.response.segment));
  // Only the promoters' playbook may ever show an advocacy step (the collector refuses others; a
  // step that somehow is there anyway is not shown).
  const steps = computed(() => (playbook.value?.steps ?? []).filter((step) => !step.advocacy || playbook.value?.segment === 'promoter'));

  async function apply(body: FollowUpChange) {
    const answer = await change.run(() => client.updateFollowUp(id, body));
    if (answer) detail.value = answer;
    return answer !== undefined;
  }

  return {
    detail,
    members,
    steps,
    ticked: computed(() => tickedSteps(detail.value)),
    /** The team's playbook for this response's segment, as stored or shipped. */
    playbook,
    /** An admin saved the segment's playbook: show it. */
    replacePlaybook(saved: Playbook) {
      playbooks.value = [...playbooks.value.filter((one) => one.segment !== saved.segment), saved];
    },
    loading: load.busy,
    loadFailure: load.failure,
    busy: change.busy,
    failure: change.failure,
    async load() {
      // Members and playbooks help; a response without them still shows (a token may read no members).
      const answer = await load.run(() => Promise.all([client.get(id), client.playbooks().catch(() => []), client.members().catch(() => [])]));
      if (!answer) return;
      detail.value = answer[0];
      playbooks.value = answer[1];
      members.value = answer[2];
    },
    /** Assigns a member (or nobody); already theirs, nothing is sent. */
    assign: (ownerId: string | null) => (detail.value && detail.value.response.followUpOwnerId === ownerId && (ownerId !== null || detail.value.response.followUpOwner === null) ? Promise.resolve(true) : apply({ ownerId })),
    setStatus: (status: FollowUpStatus) => apply({ status }),
    /** `date` as the date input gives it (`2026-12-01`): due at the end of that day, UTC. */
    setDue: (date: string) => {
      const at = new Date(`${date}T23:59:59.000Z`);
      return Number.isNaN(at.getTime()) ? Promise.resolve(false) : apply({ dueAt: at.toISOString() });
    },
    addNote: (note: string) => apply({ note }),
    tick: (stepId: string, done: boolean) => apply({ step: { id: stepId, done } }),
    dispose() {
      load.dispose();
      change.dispose();
    },
  };
}
export type ResponseModel = ReturnType<typeof createResponse>;
