import { fileURLToPath } from 'node:url';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server (`.next/standalone/server.js` with the files it needs) for containers.
  output: 'standalone',
  // This folder, not wherever Next guesses from lock files above it: the server must land at
  // `.next/standalone/server.js`, where the Dockerfile copies it from.
  outputFileTracingRoot: fileURLToPath(new URL('.', import.meta.url)),
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
