import { useApp } from './context.ts';
import { formatFull, formatWhen } from './format.ts';

/** A moment, said relative to now, with the full date for those who hover or read the markup. */
export function When(props: { at: string }) {
  const { platform } = useApp();
  return (
    <time dateTime={props.at} title={formatFull(props.at)}>
      {formatWhen(props.at, platform.now())}
    </time>
  );
}
