'use client';

import { useTranslations } from 'next-intl';
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
  const t = useTranslations('Rewards');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      onCopied(t('copiedCode', { code }));
      window.setTimeout(() => setCopied(false), 2_000);
    } catch {
      onCopied(t('copyFailed'));
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={`${label} ${code}`}
      className="rounded-lg border border-stone-300 bg-white px-3 py-1 text-sm font-semibold text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
    >
      {copied ? t('copied') : label}
    </button>
  );
}
