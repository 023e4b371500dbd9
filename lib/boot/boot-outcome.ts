import { processSingleton } from '@/lib/stores/process-singleton';

/**
 * How the Wix layer's start-up went in this process. Instrumentation boots it and the readiness route reads
 * it; they are bundled apart, so the outcome lives in the process singleton rather than in a module variable.
 */
export type WixLayerBoot = 'booting' | 'booted' | 'failed';

const outcome = () => processSingleton('wix-layer-boot', () => ({ current: 'booting' as WixLayerBoot }));

export function recordWixLayerBoot(state: WixLayerBoot): void {
  outcome().current = state;
}

export function wixLayerBoot(): WixLayerBoot {
  return outcome().current;
}
