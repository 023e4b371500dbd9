import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDockerfile, readDockerfile } from './dockerfile';

/**
 * Docker does not run on the test machines, so the end-to-end tests assemble and start the image from the
 * Dockerfile itself (`testing/container-instance.ts`). What they cannot run is checked here: the stages,
 * the user, the health check, and that the runtime copies exactly the build's standalone server.
 */
const stages = readDockerfile();
const [deps, build, runtime] = stages;

describe('the Dockerfile', () => {
  it('builds in three stages on the same Node image: dependencies, the build, the runtime', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['deps', 'build', 'runtime']);
    expect(new Set(stages.map((stage) => stage.image))).toEqual(new Set(['node:20-slim']));
    expect(deps!.run).toEqual(['npm install --no-audit --no-fund']);
    // The build stage's working directory holds the repository, which the tests rely on to find its files.
    expect(build!.copies).toContainEqual({ from: null, chown: null, sources: ['.'], destination: '.' });
    expect(build!.run).toEqual(['npm run build']);
  });

  it('runs the standalone server with Next’s static files and public/ beside it, as a non-root user', () => {
    expect(runtime!.copies.map(({ from, sources, destination }) => [from, ...sources, destination])).toEqual([
      ['build', '/app/.next/standalone', './'],
      ['build', '/app/.next/static', './.next/static'],
      ['build', '/app/public', './public'],
    ]);
    expect(runtime!.workdir).toBe(build!.workdir);
    expect(runtime!.cmd).toEqual(['node', 'server.js']);
    expect(runtime!.user).toBe('node');
    expect(runtime!.copies.every((copy) => copy.chown === 'node:node')).toBe(true);
    expect(runtime!.env).toMatchObject({ NODE_ENV: 'production', HOSTNAME: '0.0.0.0', PORT: '3000' });
  });

  it('checks health on /api/ready (readiness, not liveness) with Node, since the slim image has no curl', () => {
    const [command, flag, script] = runtime!.healthcheck!;
    expect([command, flag]).toEqual(['node', '-e']);
    expect(script).toContain("/api/ready'");
    expect(script).toContain('process.env.PORT');
  });

  it('is read as Docker reads it: continuations joined, comments skipped, exec forms parsed', () => {
    const [stage] = parseDockerfile(
      [
        'FROM node:20-slim AS only',
        '# ENV IGNORED=1',
        'ENV A=1 \\',
        '    B=two',
        'COPY --from=x --chown=u:g /a /b ./c',
        'CMD ["node", "x.js"]',
      ].join('\n'),
    );
    expect(stage).toMatchObject({
      name: 'only',
      env: { A: '1', B: 'two' },
      copies: [{ from: 'x', chown: 'u:g', sources: ['/a', '/b'], destination: './c' }],
      cmd: ['node', 'x.js'],
    });
    expect(() => parseDockerfile('FROM a\nCMD node x.js')).toThrow(/exec form/);
  });
});

describe('the build context and compose file', () => {
  it('keeps the host’s dependencies, build and secrets out of the image', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const entry of ['node_modules', '.next', '.env', '.env.*', '.git']) expect(ignored).toContain(entry);
    expect(ignored).toContain('!.env.example');
  });

  it('runs two instances of the image on one Redis, with the shared environment file', () => {
    const compose = readFileSync('compose.yaml', 'utf8');
    expect(compose).toMatch(/^x-app: &app\n {2}build: \.\n {2}env_file: \.env\n/m);
    expect(compose).toMatch(/^ {4}REDIS_URL: redis:\/\/redis:6379$/m);
    expect(compose).toMatch(/^ {2}redis:\n {4}image: redis:/m);
    expect(compose.match(/^ {2}app-\d:\n {4}<<: \*app$/gm)).toHaveLength(2);
  });
});
