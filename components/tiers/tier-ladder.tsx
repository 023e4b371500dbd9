import { useTranslations } from 'next-intl';
import type { TierStepView, TiersView } from '@/lib/loyalty/tiers-view';
import { tierLines, type TierLine } from './tier-lines';

type TiersTranslator = ReturnType<typeof useTranslations<'Tiers'>>;

const say = (line: TierLine, t: TiersTranslator) =>
  'values' in line ? t(line.key, line.values) : t(line.key);

/** Every tier in order, each with what it needs and gives; the member's own is marked. */
export function TierLadder({ view, locale }: { view: TiersView; locale: string }) {
  const t = useTranslations('Tiers');
  if (view.tiers.length === 0) {
    return (
      <p className="text-stone-600" data-testid="tiers-empty">
        {t('empty', { program: view.program.name })}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <ol className="flex flex-col gap-3" data-testid="tiers-list">
        {view.tiers.map((tier) => (
          <TierStep key={tier.id ?? 'base'} tier={tier} view={view} locale={locale} t={t} />
        ))}
      </ol>
      {view.windowMonths && (
        <p className="text-sm text-stone-600">
          {t('window', { count: view.windowMonths, unit: view.program.pointsName.toLowerCase() })}
        </p>
      )}
    </div>
  );
}

function TierStep({
  tier,
  view,
  locale,
  t,
}: {
  tier: TierStepView;
  view: TiersView;
  locale: string;
  t: TiersTranslator;
}) {
  const lines = tierLines(tier, view, locale);
  const border = tier.current ? 'border-stone-900 ring-1 ring-stone-900' : 'border-stone-200';
  return (
    <li
      data-testid="tier-step"
      aria-current={tier.current ? 'true' : undefined}
      className={`flex flex-col gap-2 rounded-2xl border bg-white p-5 shadow-sm ${border}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold" data-testid="tier-step-name">
          {tier.name}
        </h2>
        {tier.current && (
          <span className="shrink-0 rounded-full bg-emerald-100 px-3 py-1 text-xs font-semibold text-emerald-900">
            {t('yourTier')}
          </span>
        )}
      </div>
      <p className="text-sm text-stone-600" data-testid="tier-threshold">
        {say(lines.threshold, t)}
      </p>
      {tier.description && <p className="text-sm">{tier.description}</p>}
      {(lines.rate || lines.perks.length > 0) && (
        <ul className="list-disc ps-5 text-sm text-stone-800">
          {lines.rate && <li data-testid="tier-rate">{say(lines.rate, t)}</li>}
          {lines.perks.map(({ id, line }) => (
            <li key={id} data-testid="tier-perk">
              {say(line, t)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
