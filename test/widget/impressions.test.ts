import { describe, expect, it } from 'vitest';
import { createImpressions } from '../../widget/mount/impressions.ts';

/** A window with what the sender touches: events, visibility, a beacon and fetch that record. */
function fakeWindow(beacon: (url: string, body: Blob) => boolean) {
  const sent: { via: string; url: string; body: string | Promise<string> }[] = [];
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const win = Object.assign(new EventTarget(), {
    document: doc,
    navigator: { sendBeacon: (url: string, body: Blob) => (sent.push({ via: 'beacon', url, body: body.text() }), beacon(url, body)) },
    fetch: async (url: string, init: RequestInit) => (sent.push({ via: 'fetch', url, body: String(init.body) }), new Response(null, { status: 204 })),
  });
  // Only the parts above are used; the rest of Window is not.
  return { win: win as unknown as Window, doc, sent };
}

describe('the widget’s impression counts', () => {
  it('counts displays per survey and sends one beacon per survey when the page is hidden, then starts again', async () => {
    const { win, doc, sent } = fakeWindow(() => true);
    const impressions = createImpressions({ endpoint: 'https://c.example/', siteKey: 'pk_demo1234' }, win);
    impressions.shown('nps');
    impressions.shown('nps');
    impressions.shown('checkout');
    expect(sent).toEqual([]);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(sent.map((one) => [one.via, one.url])).toEqual([
      ['beacon', 'https://c.example/v1/impressions'],
      ['beacon', 'https://c.example/v1/impressions'],
    ]);
    expect(await Promise.all(sent.map((one) => one.body))).toEqual([
      JSON.stringify({ siteKey: 'pk_demo1234', surveyId: 'nps', count: 2 }),
      JSON.stringify({ siteKey: 'pk_demo1234', surveyId: 'checkout', count: 1 }),
    ]);
    win.dispatchEvent(new Event('pagehide'));
    expect(sent).toHaveLength(2); // nothing new to send
    impressions.shown('nps');
    win.dispatchEvent(new Event('pagehide'));
    expect(sent).toHaveLength(3);
    impressions.dispose();
    impressions.shown('nps');
    win.dispatchEvent(new Event('pagehide'));
    expect(sent).toHaveLength(3);
  });

  it('a refused beacon falls back to fetch with keepalive; a throwing one costs the count, not the page', async () => {
    const refused = fakeWindow(() => false);
    const impressions = createImpressions({ endpoint: 'https://c.example', siteKey: 'pk_demo1234' }, refused.win);
    impressions.shown('nps');
    impressions.flush();
    expect(refused.sent.map((one) => one.via)).toEqual(['beacon', 'fetch']);
    const broken = fakeWindow(() => {
      throw new TypeError('beacons are off');
    });
    const quiet = createImpressions({ endpoint: 'https://c.example', siteKey: 'pk_demo1234' }, broken.win);
    quiet.shown('nps');
    expect(() => quiet.flush()).not.toThrow();
  });
});
