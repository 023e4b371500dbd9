import type { EarnResult } from '@/lib/loyalty/earn-result';

export function describeEarnResult(result: EarnResult, pointsName: string, title: string): string {
  if (result.ok) return `${title}: you earned ${result.points} ${pointsName.toLowerCase()}.`;
  return result.message;
}
