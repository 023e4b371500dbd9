import type { Config } from 'tailwindcss';

/**
 * Tailwind v4 reads its theme from CSS first; this file stays, loaded by `@config` in app/globals.css,
 * as the one place for the widget's design tokens that a site may want to restyle.
 */
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      fontFamily: {
        sans: ['ui-sans-serif', 'system-ui', 'sans-serif'],
      },
    },
  },
};

export default config;
