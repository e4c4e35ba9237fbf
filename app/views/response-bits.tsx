import type { ResponseRecord } from '../../sdk/index.ts';

/** The score with its segment in words (never colour alone), and a test mark. */
export function Score({ record }: { record: Pick<ResponseRecord, 'score' | 'segment' | 'test'> }) {
  return (
    <span class={`score ${record.segment}`}>
      <span class="score-number">{record.score}</span> <span class="score-segment">{record.segment}</span>
      {record.test && <span class="badge test-mark">test</span>}
    </span>
  );
}

/** Who answered: their name, else an address, else "Anonymous". */
export function who(record: ResponseRecord): string {
  return record.user?.name ?? record.user?.email ?? record.contactEmail ?? 'Anonymous';
}

/** The follow-up answer after the comment, when there is one. */
export function CommentText({ record }: { record: ResponseRecord }) {
  if (!record.comment && !record.followUp) return <span class="muted">No comment</span>;
  return (
    <>
      {record.comment}
      {record.followUp && <span class="follow-up-answer"> — {record.followUp}</span>}
    </>
  );
}
