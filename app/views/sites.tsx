import { useEffect, useRef } from 'preact/hooks';
import type { SiteView } from '../../sdk/index.ts';
import type { Sites } from '../models/sites.ts';
import { scriptTag } from '../models/sites-script-tag.ts';
import { useApp } from './context.ts';
import { CopyField } from './copy-field.tsx';
import { Field } from './field.tsx';
import { ErrorNote, StatusNote } from './notice.tsx';
import { OriginsField } from './origins-field.tsx';
import { RetentionForm } from './retention.tsx';
import { useValue } from './use-value.ts';
import { When } from './when.tsx';
import { failureText } from './words.ts';

/** The team's sites with what the script tag needs; admins add sites and change their origins. */
export function SitesSection(props: { model: Sites; editable: boolean }) {
  const { model } = props;
  const items = useValue(model.items);
  const loaded = useValue(model.loaded);
  const loadFailure = useValue(model.loadFailure);
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p class="lede">
        Each site has a public key for its script tag; the survey shows on pages of the site’s origins. Put the tag on every page, with <code>src</code> where you host <code>dist/onepoint.js</code>.
      </p>
      {loadFailure && <ErrorNote>{failureText(loadFailure, 'load the sites')}</ErrorNote>}
      {loaded && items.length === 0 && <p class="empty">No sites yet.</p>}
      <ul class="rows sites">
        {items.map((site) => (
          <SiteRow key={site.id} site={site} model={model} editable={props.editable} />
        ))}
      </ul>
      {props.editable && <NewSite model={model} />}
    </section>
  );
}

function SiteRow(props: { site: SiteView; model: Sites; editable: boolean }) {
  const { site, model } = props;
  const { client } = useApp();
  const editing = useValue(model.editing) === site.id;
  const saved = useValue(model.saved) === site.id;
  // Edit and its form take each other's place: the focus goes with them, never to the page's top.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return (
    <li class="row site">
      <div class="row-main">
        <h3 class="row-title site-name">{site.name}</h3>
        <p class="muted">
          Added <When at={site.createdAt} /> · {site.origins.length === 1 ? 'origin' : 'origins'}: {site.origins.join(', ')}
        </p>
        {saved && <StatusNote>Saved: pages of these origins can send responses now.</StatusNote>}
        {editing ? (
          <EditSite site={site} model={model} />
        ) : (
          <div class="site-keys">
            <CopyField label={`Public key of ${site.name}`} value={site.publicKey} />
            <CopyField label={`Script tag for ${site.name}`} value={scriptTag({ endpoint: client.endpoint, publicKey: site.publicKey })} />
            <RetentionForm siteId={site.id} siteName={site.name} editable={props.editable} />
          </div>
        )}
      </div>
      {props.editable && !editing && (
        <div class="row-actions">
          <button type="button" ref={editButton} onClick={() => model.startEdit(site.id)} aria-label={`Edit ${site.name}`}>
            Edit
          </button>
        </div>
      )}
    </li>
  );
}

function EditSite(props: { site: SiteView; model: Sites }) {
  const { model } = props;
  const parsed = useValue(model.editParsed);
  const tried = useValue(model.editTried);
  const name = useValue(model.editName);
  const saving = useValue(model.saving);
  const failure = useValue(model.saveFailure);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);
  return (
    <form
      ref={form}
      class="site-edit"
      aria-label={`Edit ${props.site.name}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') model.cancelEdit();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void model.saveEdit();
      }}
    >
      <Field label="Name" value={model.editName} required maxLength={200} error={tried && name.trim() === '' ? 'Give the site a name.' : undefined} />
      <OriginsField label="Allowed origins" value={model.editOrigins} problems={tried ? parsed.problems : []} empty={tried && parsed.origins.length === 0 && parsed.problems.length === 0} tooMany={tried && parsed.tooMany} />
      {failure && <ErrorNote>{failureText(failure, 'save the site')}</ErrorNote>}
      <div class="actions">
        <button class="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save site'}
        </button>
        <button type="button" onClick={model.cancelEdit}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NewSite(props: { model: Sites }) {
  const { model } = props;
  const { client } = useApp();
  const parsed = useValue(model.createOrigins);
  const tried = useValue(model.createTried);
  const name = useValue(model.name);
  const creating = useValue(model.creating);
  const failure = useValue(model.createFailure);
  const created = useValue(model.created);
  return (
    <section class="panel new-site" aria-labelledby="new-site-title">
      <h2 id="new-site-title">New site</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void model.create();
        }}
      >
        <Field label="Site name" value={model.name} autoComplete="off" required maxLength={200} hint="What your team calls it, e.g. “Shop” or “Docs”." error={tried && name.trim() === '' ? 'Give the site a name.' : undefined} />
        <OriginsField label="Allowed origins" value={model.origins} problems={tried ? parsed.problems : []} empty={tried && parsed.origins.length === 0 && parsed.problems.length === 0} tooMany={tried && parsed.tooMany} />
        <button class="primary" type="submit" disabled={creating}>
          {creating ? 'Creating…' : 'Create site'}
        </button>
      </form>
      {failure && <ErrorNote>{failureText(failure, 'create the site')}</ErrorNote>}
      {created && (
        <div class="handover secret" role="region" aria-label={`Keys of ${created.site.name}`}>
          <p class="warning">
            <strong>Copy the secret key now.</strong> It will not be shown again: only a hash of it is kept. The public key and the script tag stay listed above.
          </p>
          <CopyField label="Script tag" value={scriptTag({ endpoint: client.endpoint, publicKey: created.site.publicKey })} />
          <CopyField label="Public key (data-site-key)" value={created.site.publicKey} />
          <CopyField label="Secret key (admin API, this site only)" value={created.secretKey} />
          <button type="button" onClick={model.dismissCreated}>
            I have copied it
          </button>
        </div>
      )}
    </section>
  );
}
