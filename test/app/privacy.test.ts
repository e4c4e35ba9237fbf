import { describe, expect, it } from 'vitest';
import { createPrivacy } from '../../app/models/privacy.ts';
import { erasedText } from '../../app/views/words.ts';
import type { EraseRequest } from '../../sdk/index.ts';
import { httpError, recorder } from './fakes.ts';

describe('privacy', () => {
  it('erases only after the confirmation, by the chosen id, and says what went', async () => {
    const { calls, record } = recorder();
    const privacy = createPrivacy({ client: { erasePerson: record('erase', async (_who: EraseRequest) => ({ erased: { responses: 3, notes: 2, notices: 1, mail: 0, jobs: 6 } })) } });
    privacy.ask();
    expect(privacy.confirming.value).toBeUndefined(); // nothing typed: nothing to confirm
    privacy.by.value = 'userId';
    privacy.value.value = '  user-42 ';
    privacy.ask();
    expect(privacy.confirming.value).toEqual({ userId: 'user-42' });
    privacy.cancel();
    await privacy.confirm();
    expect(calls).toEqual([]);
    privacy.ask();
    await privacy.confirm();
    expect(calls).toEqual([['erase', [{ userId: 'user-42' }]]]);
    expect(privacy.confirming.value).toBeUndefined();
    expect(privacy.value.value).toBe('');
    expect(privacy.erased.value).toEqual({ who: 'user-42', counts: { responses: 3, notes: 2, notices: 1, mail: 0, jobs: 6 } });
    expect(erasedText('user-42', { responses: 3, notes: 1, notices: 0, mail: 0, jobs: 6, dismissals: 1 })).toBe('Erased user-42: 3 responses, 1 note, 0 notices, 0 queued mails, 7 other records.');
  });

  it('a refusal is kept as the failure, and nothing is said to be erased', async () => {
    const privacy = createPrivacy({ client: { erasePerson: async () => Promise.reject(httpError(403)) } });
    privacy.value.value = 'ana@example.com';
    privacy.ask();
    expect(privacy.confirming.value).toEqual({ email: 'ana@example.com' });
    await privacy.confirm();
    expect(privacy.failure.value).toMatchObject({ kind: 'http', status: 403 });
    expect(privacy.erased.value).toBeUndefined();
    expect(privacy.value.value).toBe('ana@example.com');
  });
});
