import Link from 'next/link';
import { isAuthErrorCode, type AuthErrorCode } from '@/lib/errors/codes';

const REASONS: Record<AuthErrorCode, string> = {
  LOGIN_CANCELLED: 'You cancelled the sign-in.',
  LOGIN_EXPIRED: 'The sign-in took too long or was started in another browser. Please start again.',
  MISSING_CODE: 'The sign-in page sent us back without a sign-in code.',
  STATE_MISMATCH: 'The sign-in response did not match the request we sent, so we ignored it.',
  LOGIN_FAILED: 'Wix did not accept the sign-in.',
  LOGIN_UNAVAILABLE: 'The sign-in service is not answering right now.',
};

export default async function AuthErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string }>;
}) {
  const { reason } = await searchParams;
  const code = isAuthErrorCode(reason) ? reason : null;
  const message = code ? REASONS[code] : 'Something went wrong while signing you in.';
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-bold">We could not sign you in</h1>
      <p role="alert" data-testid="auth-error" data-reason={code ?? 'UNKNOWN'}>
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
