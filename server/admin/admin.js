// The admin page's script: reads the secret key from the URL fragment (never sent to a server)
// or a form, then renders stats and the latest responses with text nodes only.
const keyFrom = () => new URLSearchParams(location.hash.slice(1)).get('sk') ?? sessionStorage.getItem('onepoint:sk');
const status = document.getElementById('status');

const includeTest = document.getElementById('include-test');

// Refreshes the page makes by itself say so: the collector logs them at debug, not one line each.
async function api(path, key, background) {
  const headers = { authorization: `Bearer ${key}`, ...(background ? { 'x-onepoint-refresh': '1' } : {}) };
  const response = await fetch(path, { headers });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
}

async function render(key, background = false) {
  const test = includeTest.checked ? '&includeTest=true' : '';
  const [stats, page] = await Promise.all([api(`/v1/stats?interval=day${test}`, key, background), api(`/v1/responses?limit=50${test}`, key, background)]);
  const summary = document.getElementById('summary');
  summary.replaceChildren();
  const { nps, marginOfError, total, promoters, passives, detractors } = stats.summary;
  const tiles = [
    ['NPS', nps === null ? '—' : `${nps}${marginOfError === null ? '' : ` ± ${marginOfError}`}`],
    ['Responses', String(total)],
    ['Promoters', String(promoters)],
    ['Passives', String(passives)],
    ['Detractors', String(detractors)],
  ];
  for (const [label, value] of tiles) {
    const tile = document.createElement('div');
    tile.className = 'tile';
    const strong = document.createElement('strong');
    strong.textContent = value;
    tile.append(strong, label);
    summary.append(tile);
  }
  const body = document.querySelector('#latest tbody');
  body.replaceChildren();
  for (const item of page.items) {
    const row = document.createElement('tr');
    row.dataset.id = item.id;
    cell(row, new Date(item.receivedAt).toLocaleString());
    cell(row, String(item.score));
    cell(row, item.segment, item.segment);
    if (item.test) {
      const mark = document.createElement('span');
      mark.className = 'test-mark';
      mark.textContent = 'test';
      row.lastChild.append(' ', mark);
    }
    cell(row, [item.comment, item.followUp].filter(Boolean).join(' — '));
    cell(row, item.followUpStatus);
    body.append(row);
  }
  status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
}

async function start() {
  const key = keyFrom();
  const form = document.getElementById('key-form');
  if (!key) {
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem('onepoint:sk', new FormData(form).get('key'));
      location.reload();
    });
    return;
  }
  sessionStorage.setItem('onepoint:sk', key);
  document.getElementById('filters').hidden = false;
  includeTest.addEventListener('change', () => render(key).catch((error) => (status.textContent = `Could not load: ${error.message}`)));
  try {
    await render(key);
    setInterval(() => render(key, true).catch(() => undefined), 5000);
  } catch (error) {
    status.textContent = `Could not load: ${error.message}`;
  }
}

start();
