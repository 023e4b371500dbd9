const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The doctor's command line: `--member <id>` or `--member=<id>` (a Wix member id, a GUID), or `--help`.
 * Anything else is a usage error (null).
 */
export function parseDoctorArgs(args: readonly string[]): { memberId: string | null } | 'help' | null {
  let memberId: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const value = arg === '--member' ? args[++i] : arg.startsWith('--member=') ? arg.slice(9) : undefined;
    if (value === undefined || !GUID.test(value)) return null;
    memberId = value;
  }
  return { memberId };
}
