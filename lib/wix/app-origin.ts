import 'server-only';
import { getConfig } from '@/lib/config/env';

/** The public origin of this app: `APP_URL` when set (behind a proxy), else the origin the request reached. */
export function appOrigin(requestUrl: string): string {
  return getConfig().appUrl ? new URL(getConfig().appUrl!).origin : new URL(requestUrl).origin;
}
