import { logger } from '@/lib/observability/logger';
import { parseDoctorArgs } from './args';
import { hasFailure, renderReport } from './report';
import { runDoctor } from './run-doctor';

const USAGE = `npm run doctor [-- --member <Wix member id>]

Checks this configuration against Wix (or the sandbox it names) and says what to fix. With --member, it
also signs that member in (as the storefront sign-in does) and checks the calls made with a member's token.
Exits 1 when a check the app needs fails.`;

async function main(): Promise<void> {
  const args = parseDoctorArgs(process.argv.slice(2));
  if (args === 'help' || args === null) {
    (args ? process.stdout : process.stderr).write(`${USAGE}\n`);
    process.exit(args ? 0 : 2);
  }
  // The report says what failed, once; the app's own log lines would repeat it in another shape.
  logger.level = 'silent';
  const report = await runDoctor(args);
  process.stdout.write(`${renderReport(report.title, report.rows)}\n`);
  // Keep-alive sockets to Wix would hold the process open for a while after the last call.
  process.exit(hasFailure(report.rows) ? 1 : 0);
}

void main();
