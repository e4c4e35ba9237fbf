import { signal } from '@preact/signals-core';
import { allowsAdvocacy, type AdminClient, type Playbook, type PlaybookStep } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * A step id from its text (`Call them back` → `call-them-back`), unlike every id in `taken`: ids
 * stay stable across edits, so a tick in a timeline keeps naming its step.
 */
export function stepIdFor(text: string, taken: ReadonlySet<string>): string {
  const base = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'step';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * An admin's edit of one segment's playbook: a draft of its steps, saved whole. Only the
 * promoters' playbook may hold an advocacy step (a referral or review); the collector refuses it
 * elsewhere, and the editor never offers it there.
 */
export function createPlaybookEditor(deps: { client: Pick<AdminClient, 'setPlaybook'>; playbook: Playbook; onSaved: (playbook: Playbook) => void }) {
  const { playbook } = deps;
  const steps = signal<PlaybookStep[]>(playbook.steps.map((step) => ({ ...step })));
  const task = createTask();
  const advocacy = allowsAdvocacy(playbook.segment);
  const update = (index: number, change: Partial<PlaybookStep>) => (steps.value = steps.value.map((step, at) => (at === index ? { ...step, ...change } : step)));
  return {
    segment: playbook.segment,
    steps,
    /** Whether this segment's steps may ask for a referral or review. */
    advocacy,
    busy: task.busy,
    failure: task.failure,
    add(text: string) {
      const trimmed = text.trim();
      if (!trimmed) return;
      steps.value = [...steps.value, { id: stepIdFor(trimmed, new Set(steps.value.map((step) => step.id))), text: trimmed }];
    },
    setText: (index: number, text: string) => update(index, { text }),
    setAdvocacy: (index: number, on: boolean) => {
      if (advocacy) update(index, on ? { advocacy: true } : { advocacy: false });
    },
    /** Moves step `index` one place up (`-1`) or down (`1`); its id, and so its ticks, stay. */
    move(index: number, by: -1 | 1) {
      const to = index + by;
      if (to < 0 || to >= steps.value.length || index < 0 || index >= steps.value.length) return;
      const next = [...steps.value];
      const [step] = next.splice(index, 1);
      if (step) next.splice(to, 0, step);
      steps.value = next;
    },
    remove(index: number) {
      steps.value = steps.value.filter((_, at) => at !== index);
    },
    async save() {
      const draft = steps.value.map((step) => ({ id: step.id, text: step.text.trim(), ...(advocacy && step.advocacy ? { advocacy: true } : {}) }));
      const saved = await task.run(() => deps.client.setPlaybook(playbook.segment, draft));
      if (saved) deps.onSaved(saved);
      return saved !== undefined;
    },
    dispose: task.dispose,
  };
}
export type PlaybookEditor = ReturnType<typeof createPlaybookEditor>;
