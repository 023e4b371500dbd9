import { describe, expect, it } from 'vitest';
import { chooseLocaleAction } from './actions';

/** Input the action refuses before it touches the cookie. */
describe('chooseLocaleAction input', () => {
  it.each([
    ['no locale', undefined],
    ['a language the widget does not speak', 'ja'],
    ['a region tag', 'de-DE'],
    ['markup', '<script>'],
  ])('answers UNSUPPORTED_LOCALE for %s', async (_label, locale) => {
    const form = new FormData();
    if (locale !== undefined) form.set('locale', locale);
    expect(await chooseLocaleAction(form)).toEqual({ ok: false, code: 'UNSUPPORTED_LOCALE' });
  });
});
