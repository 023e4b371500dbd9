import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // The sandbox is a development tool that boot, tests and the benchmark start; the app only ever reaches
    // it through the SDK, at the network layer, so no page, component or the proxy may import it.
    files: ['app/**', 'components/**', 'proxy.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/sandbox', '@/lib/sandbox/*', '**/lib/sandbox/*'],
              message: 'The app reaches the sandbox only through the Wix SDK; see lib/boot.',
            },
          ],
        },
      ],
    },
  },
  {
    // Product code logs through lib/observability/logger.ts: structured lines with the request id, redacted.
    // The sandbox is a development tool with its own terminal output.
    files: ['app/**', 'lib/**', 'components/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: ['lib/sandbox/**'],
    rules: { 'no-console': 'error' },
  },
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'public/embed.js',
      'public/embed-launcher.js',
    ],
  },
];

export default config;
