// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createEmitter } from '../../sdk/emitter.ts';
import type { EventMap } from '../../sdk/schemas/events.ts';
import { showNotice } from '../../widget/notice/show-notice.ts';
import type { OpenRequest } from '../../widget/ui/entry.ts';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

const NOTICES = [
  { id: 'n1', title: 'Exports are now 3× faster', body: 'You asked; we did it.' },
  { id: 'n2', title: 'Dark mode', body: 'It is here.' },
];

function request(answer: unknown, closed: string[], locale = 'en'): OpenRequest {
  return {
    config: { endpoint: 'https://collector.example/', siteKey: 'pk_test1234', locale },
    identity: { userId: 'user-ana' },
    answer,
    trigger: 'auto',
    focus: false,
    events: createEmitter<EventMap>(),
    onClosed: () => closed.push('closed'),
  };
}

function recordingFetch() {
  const calls: { url: string; body: unknown; type: string | null }[] = [];
  const fetcher: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), body: JSON.parse(String(init?.body)), type: new Headers(init?.headers).get('content-type') });
    return new Response(null, { status: 204 });
  };
  return { calls, fetcher };
}

const card = () => document.querySelector('onepoint-notice')?.shadowRoot?.querySelector('section');

describe('the notice card', () => {
  it('shows the first notice, named by its title, and reports it seen without a preflight', () => {
    const { calls, fetcher } = recordingFetch();
    const closed: string[] = [];
    showNotice(request({ eligible: false, notices: NOTICES }, closed), { fetcher });
    const section = card();
    const heading = section?.querySelector('h2');
    expect(heading?.textContent).toBe('Exports are now 3× faster');
    expect(section?.getAttribute('aria-labelledby')).toBe(heading?.id);
    expect(section?.textContent).toContain('You told us what you thought — here is what we changed');
    expect(section?.querySelector('button')?.getAttribute('aria-label')).toBe('Close');
    expect(document.activeElement).toBe(document.body);
    expect(calls).toEqual([{ url: 'https://collector.example/v1/notices/n1/seen', body: { siteKey: 'pk_test1234', userId: 'user-ana' }, type: 'text/plain' }]);
    expect(closed).toEqual([]);
  });

  it('a notice shown once is not shown again, even when the collector still lists it (its report was lost): it is reported again', () => {
    const first = recordingFetch();
    const closed: string[] = [];
    showNotice(request({ eligible: false, notices: NOTICES }, closed), { fetcher: first.fetcher });
    card()?.querySelector('button')?.click();
    expect(closed).toEqual(['closed']);
    expect(document.querySelector('onepoint-notice')).toBeNull();
    const second = recordingFetch();
    showNotice(request({ eligible: false, notices: NOTICES }, closed), { fetcher: second.fetcher });
    expect(card()?.querySelector('h2')?.textContent).toBe('Dark mode');
    expect(second.calls.map((call) => call.url)).toEqual(['https://collector.example/v1/notices/n1/seen', 'https://collector.example/v1/notices/n2/seen']);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(document.querySelector('onepoint-notice')).toBeNull();
    const third = recordingFetch();
    showNotice(request({ eligible: false, notices: NOTICES }, closed), { fetcher: third.fetcher });
    expect(document.querySelector('onepoint-notice')).toBeNull();
    expect(third.calls).toHaveLength(2);
    expect(closed).toEqual(['closed', 'closed', 'closed']);
  });

  it('in the page’s language and direction; an answer off-contract shows nothing', () => {
    const closed: string[] = [];
    showNotice(request({ eligible: false, notices: NOTICES }, closed, 'he'), { fetcher: recordingFetch().fetcher });
    const root = document.querySelector('onepoint-notice')?.shadowRoot?.querySelector('.root');
    expect(root?.getAttribute('dir')).toBe('rtl');
    expect(card()?.querySelector('button')?.getAttribute('aria-label')).toBe('סגירה');
    document.body.replaceChildren();
    showNotice(request({ eligible: false, notices: [{ id: 3 }] }, closed), { fetcher: recordingFetch().fetcher });
    expect(document.querySelector('onepoint-notice')).toBeNull();
    expect(closed).toEqual(['closed']);
  });
});
