import { useId, useState } from 'preact/hooks';
import type { Member } from '../../sdk/index.ts';
import type { Inbox } from '../models/inbox.ts';
import { moreFiltersOn } from '../models/inbox-query.ts';
import { useValue } from './use-value.ts';
import { STATUS_WORDS } from './words.ts';

const TRISTATE = [
  ['', 'Any'],
  ['true', 'Yes'],
  ['false', 'No'],
] as const;

/**
 * The inbox's filters, each a labelled control: search, segment, status, owner and order in one
 * bar; the rest under "More filters". Every change reads the list again and goes into the address.
 */
export function InboxFilters(props: { inbox: Inbox; members: Member[]; searchRef: { current: HTMLInputElement | null } }) {
  const { inbox } = props;
  const params = useValue(inbox.params);
  const id = useId();
  const [text, setText] = useState(params.q ?? '');
  const traitName = Object.keys(params).find((name) => name.startsWith('trait.'));
  const [trait, setTrait] = useState(traitName ? `${traitName.slice('trait.'.length)} = ${params[traitName] ?? ''}` : '');
  const set = (name: string) => (event: { currentTarget: { value: string } }) => void inbox.setFilter(name, event.currentTarget.value);
  const flag = (name: string) => (event: { currentTarget: { checked: boolean } }) => void inbox.setFilter(name, event.currentTarget.checked ? 'true' : undefined);
  const select = (name: string, label: string, options: readonly (readonly [string, string])[]) => (
    <div class="field">
      <label for={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={params[name] ?? ''} onChange={set(name)}>
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
  // "More filters" opens by itself when one of them is on (a link, a view), so nothing filters unseen.
  const [open, setOpen] = useState(() => moreFiltersOn(params) > 0);
  const scores = [['', 'Any'], ...Array.from({ length: 11 }, (_, score) => [String(score), String(score)] as const)] as const;
  const more = moreFiltersOn(params);
  return (
    <form
      class="filters"
      aria-label="Filters"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const next: Record<string, string> = { ...params };
        if (text.trim()) next.q = text.trim();
        else delete next.q;
        for (const name of Object.keys(next)) if (name.startsWith('trait.')) delete next[name];
        const match = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(trait);
        if (match?.[1]) next[`trait.${match[1]}`] = match[2] ?? '';
        void inbox.setFilters(next);
      }}
    >
      <div class="filter-bar">
        <div class="field search-field">
          <label for={`${id}-q`}>Search comments and answers</label>
          <span class="search-row">
            <input id={`${id}-q`} ref={props.searchRef} type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} aria-keyshortcuts="/" />
            <button type="submit">Search</button>
          </span>
        </div>
        {select('segment', 'Segment', [
          ['', 'All'],
          ['detractor', 'Detractors'],
          ['passive', 'Passives'],
          ['promoter', 'Promoters'],
        ])}
        {select('followUpStatus', 'Status', [['', 'Any'], ...Object.entries(STATUS_WORDS)])}
        {select('owner', 'Owner', [['', 'Anyone'], ['me', 'Me'], ['none', 'Unassigned'], ...props.members.map((member) => [member.userId, member.name] as const)])}
        {select('sort', 'Order', [
          ['', 'Newest first'],
          ['score', 'Lowest score first'],
          ['due', 'Soonest due first'],
        ])}
      </div>
      <details class="more-filters" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{more ? `More filters (${more} on)` : 'More filters'}</summary>
        {/* Drawn when opened: most visits never do. */}
        {open && (
          <div class="filter-grid">
            <div class="field">
              <label for={`${id}-trait`}>Trait (name = value)</label>
              <input id={`${id}-trait`} type="text" value={trait} placeholder="plan = pro" onInput={(event) => setTrait(event.currentTarget.value)} />
            </div>
            {select('scoreMin', 'Score from', scores)}
            {select('scoreMax', 'Score to', scores)}
            {select('hasComment', 'Has a comment', TRISTATE)}
            {select('contactable', 'Contactable', TRISTATE)}
            {select('identified', 'Identified', TRISTATE)}
            <div class="field">
              <label for={`${id}-driver`}>Driver ticked</label>
              <input id={`${id}-driver`} type="text" value={params.driver ?? ''} onChange={set('driver')} />
            </div>
            <div class="field">
              <label for={`${id}-from`}>Received from</label>
              <input id={`${id}-from`} type="date" value={params.from?.slice(0, 10) ?? ''} onChange={set('from')} />
            </div>
            <div class="field">
              <label for={`${id}-to`}>Received before</label>
              <input id={`${id}-to`} type="date" value={params.to?.slice(0, 10) ?? ''} onChange={set('to')} />
            </div>
            <label class="check">
              <input type="checkbox" checked={params.overdue === 'true'} onChange={flag('overdue')} /> Overdue only
            </label>
          </div>
        )}
      </details>
      <p class="test-toggle">
        <label class="check">
          <input type="checkbox" checked={params.includeTest === 'true'} onChange={flag('includeTest')} aria-describedby={`${id}-test-note`} /> Show test responses
        </label>{' '}
        <span class="hint" id={`${id}-test-note`}>
          Answers sent in test mode (the demo’s playground, or a tag with <code>data-test="true"</code>) are left out of these numbers and this list unless you tick this.
        </span>
      </p>
    </form>
  );
}
