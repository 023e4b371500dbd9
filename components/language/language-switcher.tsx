import { getTranslations } from 'next-intl/server';
import { LOCALES, LOCALE_NAMES, type Locale } from '@/lib/i18n/locales';
import { chooseLocaleAction } from './actions';

async function choose(formData: FormData) {
  'use server';
  await chooseLocaleAction(formData);
}

/**
 * One button per language, each named in its own language. A plain form: it works before (or without)
 * JavaScript, and the action's cookie makes Next render the page again in the chosen language.
 */
export async function LanguageSwitcher({ current }: { current: Locale }) {
  const t = await getTranslations('Language');
  return (
    <form action={choose} className="mx-auto flex max-w-4xl justify-end px-4 pt-3">
      <fieldset className="flex flex-wrap items-center gap-1 text-xs" data-testid="language-switcher">
        <legend className="sr-only">{t('label')}</legend>
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            className="rounded-full px-2 py-1 text-stone-700 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-stone-900 aria-pressed:bg-stone-900 aria-pressed:text-white"
          >
            {LOCALE_NAMES[locale]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
