import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

/** Liveness for deploys and the test runner: the mode only, never any credential. */
export function GET() {
  return NextResponse.json({ ok: true, mode: getConfig().mode });
}
