// The collector's interim team page (`/admin`): NPS, segment counts and the latest 50 answers.
// It talks to the collector only through the SDK's admin client, as the team app will. The key
// comes from the URL fragment (never sent to a server) or a form, and is kept for this tab only.
// Everything it shows is set as text, never as markup.
import { createAdminClient, type AdminClient, type ResponseRecord, type Stats } from '../../sdk/index.ts';

const KEY = 'onepoint:sk';

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the team page has no #${id}`);
  return found;
}

const status = element('status', HTMLParagraphElement);
const includeTest = element('include-test', HTMLInputElement);

/** Refreshes the page makes by itself say so: the collector logs them at debug, not one line each. */
function backgroundFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  // ky hands over a Request with the key in its headers: add to them, never replace them.
  const request = new Request(input, init);
  request.headers.set('x-onepoint-refresh', '1');
  return fetch(request);
}

function cell(row: HTMLTableRowElement, text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
  return td;
}

function renderSummary(stats: Stats) {
  const { nps, marginOfError, total, promoters, passives, detractors } = stats.summary;
  const tiles: [string, string][] = [
    ['NPS', nps === null ? '—' : `${nps}${marginOfError === null ? '' : ` ± ${marginOfError}`}`],
    ['Responses', String(total)],
    ['Promoters', String(promoters)],
    ['Passives', String(passives)],
    ['Detractors', String(detractors)],
  ];
  element('summary', HTMLElement).replaceChildren(
    ...tiles.map(([label, value]) => {
      const tile = document.createElement('div');
      tile.className = 'tile';
      const strong = document.createElement('strong');
      strong.textContent = value;
      tile.append(strong, label);
      return tile;
    }),
  );
}

function renderLatest(items: readonly ResponseRecord[]) {
  const body = document.querySelector('#latest tbody');
  if (!body) throw new Error('the team page has no #latest table');
  body.replaceChildren(
    ...items.map((item) => {
      const row = document.createElement('tr');
      row.dataset.id = item.id;
      cell(row, new Date(item.receivedAt).toLocaleString());
      cell(row, String(item.score));
      const segment = cell(row, item.segment, item.segment);
      if (item.test) {
        const mark = document.createElement('span');
        mark.className = 'test-mark';
        mark.textContent = 'test';
        segment.append(' ', mark);
      }
      cell(row, [item.comment, item.followUp].filter(Boolean).join(' — '));
      cell(row, item.followUpStatus);
      return row;
    }),
  );
}

async function render(client: AdminClient) {
  const test = includeTest.checked ? { includeTest: true } : {};
  const [stats, page] = await Promise.all([client.stats({ interval: 'day', ...test }), client.list({ limit: 50, ...test })]);
  renderSummary(stats);
  renderLatest(page.items);
  status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
}

const failed = (error: unknown) => {
  status.textContent = `Could not load: ${error instanceof Error ? error.message : String(error)}`;
};

function start() {
  const key = new URLSearchParams(location.hash.slice(1)).get('sk') ?? sessionStorage.getItem(KEY);
  const form = element('key-form', HTMLFormElement);
  if (!key) {
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(KEY, String(new FormData(form).get('key') ?? ''));
      location.reload();
    });
    return;
  }
  sessionStorage.setItem(KEY, key);
  const endpoint = location.origin;
  const client = createAdminClient({ endpoint, token: key });
  const background = createAdminClient({ endpoint, token: key, fetch: backgroundFetch });
  element('filters', HTMLElement).hidden = false;
  includeTest.addEventListener('change', () => render(client).catch(failed));
  render(client).then(() => setInterval(() => render(background).catch(() => undefined), 5000), failed);
}

start();
