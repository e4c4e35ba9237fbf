import { batch, computed, signal } from '@preact/signals-core';
import type { AdminClient, Team, TeamChange } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/** The SLA's bounds, as the collector takes them (`PATCH /v1/team`). */
export const SLA_DAYS = { min: 1, max: 90 } as const;

/** What is wrong with the typed SLA, or `undefined` when it is a whole number of days in bounds. */
export function slaProblem(text: string): 'not_a_number' | 'out_of_range' | undefined {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return 'not_a_number';
  const days = Number(value);
  return days < SLA_DAYS.min || days > SLA_DAYS.max ? 'out_of_range' : undefined;
}

/**
 * The team's own settings: its name and the follow-up SLA in days (new responses are due that long
 * after they arrive). Everyone reads them; an admin saves a change (only the fields that changed).
 */
export function createTeamSettings(deps: { client: Pick<AdminClient, 'team' | 'updateTeam'> }) {
  const { client } = deps;
  const team = signal<Team | undefined>(undefined);
  const name = signal('');
  const slaDays = signal('');
  const tried = signal(false);
  const saved = signal(false);
  const load = createTask();
  const save = createTask();
  const fill = (next: Team) =>
    batch(() => {
      team.value = next;
      name.value = next.name;
      slaDays.value = String(next.slaDays);
    });
  return {
    team,
    name,
    slaDays,
    tried,
    saved,
    loading: load.busy,
    loadFailure: load.failure,
    saving: save.busy,
    saveFailure: save.failure,
    /** The SLA's problem, once a save was tried. */
    slaError: computed(() => (tried.value ? slaProblem(slaDays.value) : undefined)),
    nameError: computed(() => (tried.value && name.value.trim() === '' ? 'empty' : undefined)),
    async load() {
      const answer = await load.run(() => client.team());
      if (answer) fill(answer);
    },
    /** Saves; answers the team as saved, or `undefined` when nothing was sent or it failed. */
    async save(): Promise<Team | undefined> {
      const current = team.value;
      if (!current || save.busy.value) return undefined;
      batch(() => {
        tried.value = true;
        saved.value = false;
      });
      const nextName = name.value.trim();
      if (nextName === '' || slaProblem(slaDays.value)) return undefined;
      const days = Number(slaDays.value.trim());
      const change: TeamChange = { ...(nextName !== current.name ? { name: nextName } : {}), ...(days !== current.slaDays ? { slaDays: days } : {}) };
      if (change.name === undefined && change.slaDays === undefined) {
        saved.value = true;
        return undefined;
      }
      const answer = await save.run(() => client.updateTeam(change));
      if (!answer) return undefined;
      batch(() => {
        fill(answer);
        tried.value = false;
        saved.value = true;
      });
      return answer;
    },
    dispose() {
      load.dispose();
      save.dispose();
    },
  };
}
export type TeamSettings = ReturnType<typeof createTeamSettings>;
