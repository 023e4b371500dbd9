import { describe, expect, it } from 'vitest';
import { claimOfferAction } from './actions';

/** Input the action refuses before it reads the session or calls Wix: nothing upstream is touched. */
describe('claimOfferAction input', () => {
  it.each([
    ['no offer id', new FormData()],
    ['an empty offer id', formWith({ offerId: '  ' })],
    ['an offer id that is too long', formWith({ offerId: 'x'.repeat(500) })],
  ])('answers INVALID_INPUT for %s', async (_label, form) => {
    expect(await claimOfferAction(null, form)).toEqual({ ok: false, code: 'INVALID_INPUT' });
  });

  it('answers INVALID_ACTIVITY for an offer this app never awards', async () => {
    expect(
      await claimOfferAction(null, formWith({ offerId: 'follow-myspace', amount: '100000' })),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_ACTIVITY',
    });
  });
});

function formWith(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}
