import { NextResponse } from 'next/server';
import { wixLayerBoot } from '@/lib/boot/boot-outcome';
import { isShuttingDown } from '@/lib/lifecycle/shutdown';
import { checkReadiness } from '@/lib/lifecycle/readiness';
import { getSharedStores } from '@/lib/stores/shared-stores';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for load balancers and the container's health check: 200 `{ ready: true }`, or 503 with the
 * reason this instance should get no traffic. `/api/health` stays liveness: the process answers at all.
 */
export async function GET() {
  const readiness = await checkReadiness({
    shuttingDown: isShuttingDown(),
    boot: wixLayerBoot(),
    stores: getSharedStores(),
  });
  return NextResponse.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
