import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Loyalty',
  description: 'Your loyalty points, tier and rewards.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-100 font-sans text-stone-900 antialiased">{children}</body>
    </html>
  );
}
