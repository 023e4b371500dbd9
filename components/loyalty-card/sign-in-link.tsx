/** Where "Sign in" leads: the PKCE login, returning to `returnTo` on this site afterwards. */
export function signInHref(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export function SignInLink({ returnTo, label = 'Sign in' }: { returnTo: string; label?: string }) {
  return (
    <a
      href={signInHref(returnTo)}
      className="inline-flex items-center justify-center rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
    >
      {label}
    </a>
  );
}

export function SignOutButton({ returnTo }: { returnTo: string }) {
  return (
    <form method="post" action="/auth/logout">
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        className="text-sm text-stone-600 underline underline-offset-2 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-stone-900"
      >
        Sign out
      </button>
    </form>
  );
}
