import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // `server-only` throws outside a React Server environment; unit tests run plain Node.
      'server-only': fileURLToPath(new URL('./testing/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{app,components,embed,lib,testing}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 15_000,
  },
});
