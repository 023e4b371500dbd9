'use client';

import { useState } from 'react';

/** Copies a coupon code; says so on the button and through `onCopied`, which the page reads out. */
export function CopyButton({
  code,
  label,
  onCopied,
}: {
  code: string;
  label: string;
  onCopied: (message: string) => void;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      onCopied(`Copied ${code}.`);
      window.setTimeout(() => setCopied(false), 2_000);
    } catch {
      onCopied('Your browser did not let us copy. Select the code and copy it yourself.');
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={`${label} ${code}`}
      className="rounded-lg border border-stone-300 bg-white px-3 py-1 text-sm font-semibold text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
    >
      {copied ? 'Copied' : label}
    </button>
  );
}
