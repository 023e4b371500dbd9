/** A tiny cookie-keeping HTTP client for the benchmark: enough to walk the OAuth login like a browser. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const origin = new URL(url).origin;
    const jar = [...this.cookies].filter(([key]) => key.startsWith(`${origin} `));
    if (jar.length)
      headers.set('cookie', jar.map(([key, value]) => `${key.split(' ')[1]}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (name) this.cookies.set(`${origin} ${name.trim()}`, rest.join('='));
    }
    return response;
  }

  /** The cookies this session holds for `origin`, to hand to a browser. */
  cookiesFor(origin: string): { name: string; value: string }[] {
    return [...this.cookies]
      .filter(([key]) => key.startsWith(`${origin} `))
      .map(([key, value]) => ({ name: key.split(' ')[1]!, value }));
  }

  /** Signs in through the sandbox's hosted login page as the member with this id. */
  async signIn(appOrigin: string, memberId: string): Promise<void> {
    const login = await this.request(`${appOrigin}/auth/login`);
    const loginPage = login.headers.get('location');
    if (!loginPage) throw new Error(`login did not redirect (${login.status})`);
    const chosen = await this.request(loginPage, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ memberId }).toString(),
    });
    const callback = chosen.headers.get('location');
    if (!callback) throw new Error(`sandbox login did not redirect (${chosen.status})`);
    const done = await this.request(callback);
    if (done.status !== 303) throw new Error(`callback failed (${done.status})`);
  }
}
