import { createTranslator } from 'next-intl';
import type { RenderContext } from '@/components/embed/widget-parts';
import { messagesFor } from '@/lib/i18n/catalogues';
import type { Locale } from '@/lib/i18n/locales';
import type { ProgramView } from '@/lib/loyalty/view-model';

/** What the widget's HTML renderers are given in unit tests: a real catalogue, UTC and a fixed clock. */
export function renderContextIn(locale: Locale): RenderContext {
  return {
    locale,
    t: createTranslator({ locale, messages: messagesFor(locale) }),
    timeZone: 'UTC',
    now: Date.parse('2026-03-01T12:00:00Z'),
    notice: null,
  };
}

export const TEST_PROGRAM: ProgramView = { name: 'Star Rewards', pointsName: 'Stars', active: true };
