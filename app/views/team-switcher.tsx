import { useId } from 'preact/hooks';
import type { Me } from '../../sdk/index.ts';
import { useApp } from './context.ts';

/** The team's name, and a switcher when the person is in several teams. */
export function TeamSwitcher(props: { me: Me }) {
  const { session } = useApp();
  const id = useId();
  if (props.me.teams.length < 2) return <span class="team-name">{props.me.team.name}</span>;
  return (
    <span class="team-switcher">
      <label for={id} class="visually-hidden">
        Team
      </label>
      <select id={id} value={props.me.team.id} onChange={(event) => void session.switchTeam(event.currentTarget.value)}>
        {props.me.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </span>
  );
}
