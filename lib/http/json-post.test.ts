import { describe, expect, it } from 'vitest';
import { readSameOriginJson } from './json-post';

const post = (body: string, headers: Record<string, string>) =>
  new Request('http://localhost:3000/embed/api/claim', {
    method: 'POST',
    body,
    headers: { host: 'localhost:3000', ...headers },
  });
const json = { 'content-type': 'application/json', origin: 'http://localhost:3000' };

describe('readSameOriginJson', () => {
  it("reads JSON posted from the app's own origin", async () => {
    expect(await readSameOriginJson(post('{"offerId":"follow-x"}', json))).toEqual({
      ok: true,
      body: { offerId: 'follow-x' },
    });
  });

  it('refuses another origin, or none, before reading anything', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:3001']) {
      expect(await readSameOriginJson(post('{}', { ...json, origin }))).toEqual({
        ok: false,
        code: 'FORBIDDEN_ORIGIN',
      });
    }
    const withoutOrigin = post('{}', { 'content-type': 'application/json' });
    expect(await readSameOriginJson(withoutOrigin)).toEqual({ ok: false, code: 'FORBIDDEN_ORIGIN' });
  });

  it('refuses what a plain form could send, broken JSON and oversized bodies', async () => {
    for (const request of [
      post('offerId=x', { ...json, 'content-type': 'application/x-www-form-urlencoded' }),
      post('{"offerId":', json),
      post(JSON.stringify({ offerId: 'x'.repeat(20_000) }), json),
    ]) {
      expect(await readSameOriginJson(request)).toEqual({ ok: false, code: 'MALFORMED_REQUEST' });
    }
  });
});
