import { describe, expect, it } from 'vitest';
import { clientIpFromForwardedFor } from './client-ip';

describe('clientIpFromForwardedFor', () => {
  it('ignores the header when no proxy is trusted, whatever the client wrote', () => {
    expect(clientIpFromForwardedFor('203.0.113.7', 0)).toBeNull();
    expect(clientIpFromForwardedFor('1.1.1.1, 203.0.113.7', 0)).toBeNull();
  });

  it('takes the entry the trusted proxy appended, not the ones the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6, 7.7.7.7"; our one proxy appended the address it saw.
    expect(clientIpFromForwardedFor('6.6.6.6, 7.7.7.7, 203.0.113.7', 1)).toBe('203.0.113.7');
    // Behind two proxies (a CDN, then a load balancer), the client is second from the right.
    expect(clientIpFromForwardedFor('6.6.6.6, 203.0.113.7, 198.51.100.2', 2)).toBe('203.0.113.7');
  });

  it('gives a spoofer the same address however they vary the header', () => {
    const seen = new Set(
      ['a', 'b', 'c', '1.2.3.4, 5.6.7.8'].map((forged) =>
        clientIpFromForwardedFor(`${forged}, 203.0.113.7`, 1),
      ),
    );
    expect([...seen]).toEqual(['203.0.113.7']);
  });

  it('vouches for nothing when the header is missing or shorter than the proxy chain', () => {
    expect(clientIpFromForwardedFor(null, 1)).toBeNull();
    expect(clientIpFromForwardedFor('', 1)).toBeNull();
    expect(clientIpFromForwardedFor('203.0.113.7', 2)).toBeNull();
  });
});
