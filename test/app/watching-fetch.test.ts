import { describe, expect, it } from 'vitest';
import { watchingFetch } from '../../app/browser.ts';

describe('watchingFetch', () => {
  it('a 401 to an admin call asks for the session again; /v1/me itself, the invitation routes and other statuses do not', async () => {
    let asked = 0;
    const answer = (status: number) => watchingFetch(() => asked++, async () => new Response(null, { status }), () => 'http://c.example/inbox');
    await answer(401)('http://c.example/v1/members');
    await answer(401)(new Request('http://c.example/v1/tokens', { method: 'POST' }));
    expect(asked).toBe(2);
    await answer(401)('/v1/me');
    await answer(401)('http://c.example/v1/invitations/lookup?token=x');
    await answer(401)('http://c.example/api/auth/sign-in/email');
    await answer(403)('http://c.example/v1/members');
    await answer(200)('http://c.example/v1/members');
    expect(asked).toBe(2);
  });
});
