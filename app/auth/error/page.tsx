import Link from 'next/link';

const REASONS: Record<string, string> = {
  login_cancelled: 'You cancelled the sign-in.',
  login_expired: 'The sign-in took too long or was started in another browser. Please start again.',
  missing_code: 'The sign-in page sent us back without a sign-in code.',
  state_mismatch: 'The sign-in response did not match the request we sent, so we ignored it.',
  login_failed: 'Wix did not accept the sign-in.',
  login_unavailable: 'The sign-in service is not answering right now.',
};

export default async function AuthErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string }>;
}) {
  const { reason } = await searchParams;
  const message = (reason && REASONS[reason]) ?? 'Something went wrong while signing you in.';
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-bold">We could not sign you in</h1>
      <p role="alert" data-testid="auth-error" data-reason={reason ?? 'unknown'}>
        {message}
      </p>
      <p className="text-sm text-stone-600">You are not signed in. Nothing about your points has changed.</p>
      <div className="flex gap-4">
        <a className="font-semibold underline" href="/auth/login">
          Try signing in again
        </a>
        <Link className="underline" href="/">
          Back to the rewards page
        </Link>
      </div>
    </main>
  );
}
