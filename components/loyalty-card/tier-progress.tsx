import type { TierView } from '@/lib/loyalty/view-model';
import { formatNumber } from './format';
import { ProgressBar } from './progress-bar';

export function TierProgress({
  tier,
  pointsName,
  locale,
}: {
  tier: TierView;
  pointsName: string;
  locale: string;
}) {
  const unit = pointsName.toLowerCase();
  const next = tier.next;
  return (
    <div data-testid="tier" className="rounded-xl bg-stone-50 p-3">
      <p className="flex items-baseline justify-between text-sm">
        <span>
          <span className="font-semibold" data-testid="tier-name">
            {tier.name}
          </span>{' '}
          tier
        </span>
        <span className="text-stone-600" data-testid="tier-points">
          {formatNumber(tier.points, locale)} tier {unit}
        </span>
      </p>
      {next ? (
        <>
          <ProgressBar label={`Progress to ${next.name}`} progress={next.progress} className="mt-2" />
          <p className="mt-1 text-xs text-stone-600" data-testid="next-tier">
            {formatNumber(next.pointsToGo, locale)} {unit} to {next.name}
          </p>
        </>
      ) : (
        <p className="mt-1 text-xs text-stone-600" data-testid="next-tier">
          You have reached the top tier.
        </p>
      )}
    </div>
  );
}
