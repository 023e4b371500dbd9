import 'server-only';
import { getConfig } from '@/lib/config/env';

/** The public origin of this app: `APP_URL` when set (behind a proxy), else the origin the request reached. */
export function appOrigin(requestUrl: string): string {
  return new URL(getConfig().appUrl ?? requestUrl).origin;
}
