import { formatIssues, type FieldIssue } from './schemas/issues.ts';

// Its own module: the widget's first chunk needs this error and none of the client's.
/** An input failed its schema. Raised before any request is made; nothing was sent. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError' as const;
  readonly retryable = false;
  constructor(readonly what: string, readonly issues: FieldIssue[]) {
    super(`invalid ${what}: ${formatIssues(issues)}`);
  }
}
