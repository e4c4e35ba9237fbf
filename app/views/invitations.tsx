import { useId } from 'preact/hooks';
import { ROLES } from '../../sdk/index.ts';
import type { Invitations as InvitationsModel } from '../models/invitations.ts';
import { CopyField } from './copy-field.tsx';
import { Field } from './field.tsx';
import { ErrorNote } from './notice.tsx';
import { useValue } from './use-value.ts';
import { When } from './when.tsx';
import { failureText, ROLE_WORDS } from './words.ts';

/** (admin) Invite by email and role, copy the link, and the pending invitations with revoke. */
export function Invitations({ model }: { model: InvitationsModel }) {
  const roleId = useId();
  const role = useValue(model.role);
  const items = useValue(model.items);
  const created = useValue(model.created);
  const inviting = useValue(model.inviting);
  const inviteFailure = useValue(model.inviteFailure);
  const revokeFailure = useValue(model.revokeFailure);
  return (
    <section aria-labelledby="invite-title" class="panel">
      <h2 id="invite-title">Invite someone</h2>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void model.invite();
        }}
      >
        <Field label="Email" type="email" value={model.email} autoComplete="off" required maxLength={320} />
        <div class="field field-narrow">
          <label for={roleId}>Role</label>
          <select id={roleId} value={role} aria-describedby={`${roleId}-hint`} onChange={(event) => (model.role.value = ROLES.find((option) => option === event.currentTarget.value) ?? 'member')}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_WORDS[option].label}
              </option>
            ))}
          </select>
          <p class="hint" id={`${roleId}-hint`}>
            {ROLE_WORDS[role].hint}.
          </p>
        </div>
        <button class="primary" type="submit" disabled={inviting}>
          {inviting ? 'Inviting…' : 'Invite'}
        </button>
      </form>
      {inviteFailure && <ErrorNote>{inviteFailure.kind === 'http' && inviteFailure.status === 409 ? 'That person is already in the team or already invited.' : failureText(inviteFailure, 'invite them')}</ErrorNote>}
      {created && (
        <div class="handover" role="region" aria-label="Invitation link">
          <CopyField label={`Invitation link for ${created.email}: send it to them (works once, for 24 hours)`} value={created.link} />
          <button type="button" class="link" onClick={model.dismissCreated}>
            Done
          </button>
        </div>
      )}
      {items.length > 0 && (
        <>
          <h3>Pending invitations</h3>
          {revokeFailure && <ErrorNote>{failureText(revokeFailure, 'revoke the invitation')}</ErrorNote>}
          <ul class="rows">
            {items.map((invitation) => (
              <li key={invitation.id} class="row">
                <div class="row-main">
                  <p class="row-title">{invitation.email}</p>
                  <p class="muted">
                    {ROLE_WORDS[invitation.role].label} · invited <When at={invitation.createdAt} />
                    {invitation.invitedBy && ` by ${invitation.invitedBy}`}
                  </p>
                </div>
                <div class="row-actions">
                  <button type="button" class="danger-quiet" onClick={() => void model.revoke(invitation.id)} aria-label={`Revoke the invitation of ${invitation.email}`}>
                    Revoke
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
