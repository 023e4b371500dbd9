import { useTranslations } from 'next-intl';

/** Where "Sign in" leads: the PKCE login, returning to `returnTo` on this site afterwards. */
export function signInHref(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export function SignInLink({ returnTo }: { returnTo: string }) {
  const t = useTranslations('Card');
  return (
    <a
      href={signInHref(returnTo)}
      className="inline-flex items-center justify-center rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
    >
      {t('signIn')}
    </a>
  );
}

export function SignOutButton({ returnTo }: { returnTo: string }) {
  const t = useTranslations('Card');
  return (
    <form method="post" action="/auth/logout">
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        className="text-sm text-stone-600 underline underline-offset-2 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-stone-900"
      >
        {t('signOut')}
      </button>
    </form>
  );
}
