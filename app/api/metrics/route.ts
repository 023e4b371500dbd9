import { getConfig } from '@/lib/config/env';
import { bearerMatches } from '@/lib/observability/bearer-token';
import { metricsExposition } from '@/lib/observability/metrics';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * The Prometheus scrape of this instance. It exists only for whoever holds `METRICS_TOKEN`: without the
 * variable, or without the token as a bearer, the answer is a 404: nothing says a scrape could happen here.
 */
export async function GET(request: Request) {
  const token = getConfig().observability.metricsToken;
  if (!token || !bearerMatches(request.headers.get('authorization'), token)) {
    return new Response('Not Found', { status: 404, headers: { ...noStore, 'content-type': 'text/plain' } });
  }
  const { contentType, body } = await metricsExposition();
  return new Response(body, { headers: { ...noStore, 'content-type': contentType } });
}
