import Link from 'next/link';
import { describeAuthError } from '@/components/auth/auth-error-messages';
import { isAuthErrorCode } from '@/lib/errors/codes';

export default async function AuthErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string }>;
}) {
  const { reason } = await searchParams;
  const code = isAuthErrorCode(reason) ? reason : null;
  const message = code ? describeAuthError(code) : 'Something went wrong while signing you in.';
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
