/**
 * What the doctor found, one row per check, and how it is printed. A row never carries a secret: checks put
 * only what they saw (statuses, codes, origins, ids) and the fix in plain words into `detail`.
 */

/** `FAILED`: a check the app needs failed; `warn`: works, but something is off or missing. */
export type CheckStatus = 'ok' | 'FAILED' | 'warn' | 'skipped';

export type CheckRow = { check: string; status: CheckStatus; detail: string };

export const row = (check: string, status: CheckStatus, detail: string): CheckRow => ({
  check,
  status,
  detail,
});

/** The doctor fails when any check the app needs failed. */
export const hasFailure = (rows: readonly CheckRow[]) => rows.some((r) => r.status === 'FAILED');

const STATUS_WIDTH = 'skipped'.length + 2;

/** One aligned line per row, then a count of each status. */
export function renderReport(title: string, rows: readonly CheckRow[]): string {
  const checkWidth = Math.max(...rows.map((r) => r.check.length)) + 2;
  const lines = rows.map((r) => `${r.status.padEnd(STATUS_WIDTH)}${r.check.padEnd(checkWidth)}${r.detail}`);
  const count = (status: CheckStatus) => rows.filter((r) => r.status === status).length;
  const verdict = hasFailure(rows) ? 'Fix the FAILED rows before launch.' : 'Nothing required is missing.';
  return [
    title,
    '',
    ...lines,
    '',
    `${count('ok')} ok, ${count('FAILED')} FAILED, ${count('warn')} warn, ${count('skipped')} skipped. ${verdict}`,
  ].join('\n');
}
