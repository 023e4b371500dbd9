export function RewardBadge({ available }: { available: boolean }) {
  return available ? (
    <span
      data-testid="reward-badge"
      data-available="true"
      className="inline-flex items-center gap-1 rounded-full bg-emerald-100 px-3 py-1 text-xs font-semibold text-emerald-900"
    >
      <span aria-hidden="true">★</span> Reward available
    </span>
  ) : (
    <span
      data-testid="reward-badge"
      data-available="false"
      className="inline-flex items-center rounded-full bg-stone-100 px-3 py-1 text-xs font-medium text-stone-700"
    >
      No reward yet
    </span>
  );
}
