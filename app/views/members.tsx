import { useEffect, useId, useState } from 'preact/hooks';
import { ROLES, type Member, type Role } from '../../sdk/index.ts';
import { createInvitations } from '../models/invitations.ts';
import { createMembers, type Members } from '../models/members.ts';
import { useApp } from './context.ts';
import { CopyField } from './copy-field.tsx';
import { ErrorNote } from './notice.tsx';
import { Invitations } from './invitations.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { When } from './when.tsx';
import { failureText, ROLE_WORDS } from './words.ts';

/** Members and their roles; admins also invite, change roles, remove and make reset links. */
export function MembersScreen() {
  const { client, session } = useApp();
  const isAdmin = useValue(session.isAdmin);
  const me = useValue(session.me);
  const members = useModel(() => createMembers({ client }));
  const invitations = useModel(() => createInvitations({ client }));
  useEffect(() => {
    void members.load();
    if (isAdmin) void invitations.load();
  }, [members, invitations, isAdmin]);
  const items = useValue(members.items);
  const loadFailure = useValue(members.loadFailure);
  const failure = useValue(members.failure);
  const resetLink = useValue(members.resetLink);
  return (
    <>
      <ScreenHeading title="Members" />
      {isAdmin && <Invitations model={invitations} />}
      <section aria-labelledby="members-title">
        <h2 id="members-title">People in {me?.team.name ?? 'the team'}</h2>
        {loadFailure && <ErrorNote>{failureText(loadFailure, 'load the members')}</ErrorNote>}
        {failure && <ErrorNote>{failure.kind === 'http' && failure.status === 409 ? 'A team keeps at least one admin: make someone else admin first.' : failureText(failure, 'change that')}</ErrorNote>}
        {resetLink && (
          <div class="handover" role="region" aria-label="Password reset link">
            <CopyField label={`Password link for ${items.find((item) => item.userId === resetLink.userId)?.name ?? 'this member'} (works once, for 24 hours)`} value={resetLink.link} />
            <button type="button" class="link" onClick={members.dismissResetLink}>
              Done
            </button>
          </div>
        )}
        <ul class="rows">
          {items.map((member) => (
            <MemberRow key={member.userId} member={member} model={members} editable={isAdmin} self={member.userId === me?.user?.id} />
          ))}
        </ul>
      </section>
    </>
  );
}

function MemberRow(props: { member: Member; model: Members; editable: boolean; self: boolean }) {
  const { member, model } = props;
  const id = useId();
  const [role, setRole] = useState<Role>(member.role);
  const confirming = useValue(model.confirmingRemoval) === member.userId;
  const busy = useValue(model.busy);
  useEffect(() => setRole(member.role), [member.role]);
  return (
    <li class="row">
      <div class="row-main">
        <p class="row-title">
          {member.name}
          {props.self && <span class="badge">You</span>}
          {!member.active && <span class="badge badge-warn">No password yet</span>}
        </p>
        <p class="muted">
          {member.email} · joined <When at={member.joinedAt} />
        </p>
      </div>
      {!props.editable ? (
        <p class="role">{ROLE_WORDS[member.role].label}</p>
      ) : confirming ? (
        <div class="row-actions confirm" role="group" aria-label={`Remove ${member.name}?`}>
          <span>Remove {member.name} from the team?</span>
          <button type="button" class="danger" disabled={busy} onClick={() => void model.confirmRemoval()}>
            Remove
          </button>
          <button type="button" onClick={model.cancelRemoval}>
            Cancel
          </button>
        </div>
      ) : (
        <div class="row-actions">
          <label for={id} class="visually-hidden">
            Role of {member.name}
          </label>
          <select id={id} value={role} onChange={(event) => setRole(parseRole(event.currentTarget.value, member.role))}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_WORDS[option].label}
              </option>
            ))}
          </select>
          {role !== member.role && (
            <button type="button" class="primary" disabled={busy} onClick={() => void model.changeRole(member.userId, role)}>
              Save role
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => void model.makeResetLink(member.userId)} aria-label={`Reset link for ${member.name}`}>
            Reset link
          </button>
          <button type="button" class="danger-quiet" onClick={() => model.askRemoval(member.userId)} aria-label={`Remove ${member.name}`}>
            Remove
          </button>
        </div>
      )}
    </li>
  );
}

const parseRole = (value: string, fallback: Role): Role => ROLES.find((role) => role === value) ?? fallback;
