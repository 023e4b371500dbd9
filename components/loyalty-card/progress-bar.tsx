/** How far the member has come towards something (a tier, a reward), `progress` from 0 to 1. */
export function ProgressBar({
  label,
  progress,
  className = '',
}: {
  label: string;
  progress: number;
  className?: string;
}) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(progress * 100)}
      className={`h-2 overflow-hidden rounded-full bg-stone-200 ${className}`}
    >
      <div className="h-full rounded-full bg-emerald-600" style={{ width: `${progress * 100}%` }} />
    </div>
  );
}
