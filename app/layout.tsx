import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from '@/components/language/language-switcher';
import { clientMessages, type Messages } from '@/lib/i18n/catalogues';
import { directionOf, isLocale, DEFAULT_LOCALE } from '@/lib/i18n/locales';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Metadata');
  return { title: t('title'), description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [requested, messages] = await Promise.all([getLocale(), getMessages()]);
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen bg-stone-100 font-sans text-stone-900 antialiased">
        {/* Only the namespaces client components read travel to the browser. */}
        <NextIntlClientProvider messages={clientMessages(messages as Messages)}>
          <LanguageSwitcher current={locale} />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
