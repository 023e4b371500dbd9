import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server (`.next/standalone/server.js` with the files it needs) for containers.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
