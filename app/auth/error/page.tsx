import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { isAuthErrorCode } from '@/lib/errors/codes';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Metadata'))('authErrorTitle') };
}

export default async function AuthErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string }>;
}) {
  const [{ reason }, t] = await Promise.all([searchParams, getTranslations('AuthError')]);
  const code = isAuthErrorCode(reason) ? reason : null;
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-bold">{t('heading')}</h1>
      <p role="alert" data-testid="auth-error" data-reason={code ?? 'UNKNOWN'}>
        {code ? t(`reason.${code}`) : t('unknown')}
      </p>
      <p className="text-sm text-stone-600">{t('notSignedIn')}</p>
      <div className="flex gap-4">
        <a className="font-semibold underline" href="/auth/login">
          {t('tryAgain')}
        </a>
        <Link className="underline" href="/">
          {t('back')}
        </Link>
      </div>
    </main>
  );
}
