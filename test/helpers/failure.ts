import type { ClientError } from '../../sdk/index.ts';

/** The error a client call rejects with; fails the test when the call resolves. */
export async function failure(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    return error as ClientError;
  }
  throw new Error('expected a rejection');
}
