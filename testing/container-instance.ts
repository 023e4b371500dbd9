import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readDockerfile, type DockerStage } from './dockerfile';
import { startServerProcess } from './server-process';

/** The runtime stage of the Dockerfile: `dir` holds what its WORKDIR would hold in the image. */
export type ContainerImage = { dir: string; stage: DockerStage; remove(): Promise<void> };

/** A path inside a stage, relative to its working directory. */
const inStage = (stage: DockerStage, path: string) =>
  isAbsolute(path) ? relative(stage.workdir, path) : path;

/**
 * Does what the Dockerfile's last stage does, from this repository's build: each `COPY --from=<build stage>`
 * copies the build stage's files (its working directory is this repository, as its `COPY . .` makes it) to
 * the same place under a fresh directory. Needs `npm run build` first, as the build stage runs it.
 */
export async function assembleContainerImage(): Promise<ContainerImage> {
  const stages = readDockerfile();
  const stage = stages.at(-1)!;
  const dir = await mkdtemp(join(tmpdir(), 'loyalty-image-'));
  for (const copy of stage.copies) {
    const from = stages.find((candidate) => candidate.name === copy.from);
    if (!from) throw new Error(`the runtime stage copies from "${copy.from}", which is not a stage`);
    for (const source of copy.sources) {
      const inRepository = inStage(from, source);
      if (inRepository.startsWith('..')) throw new Error(`${source} is outside the build stage's WORKDIR`);
      // Like COPY, a directory's contents land in the destination, symbolic links kept as links.
      await cp(resolve(inRepository), join(dir, inStage(stage, copy.destination)), {
        recursive: true,
        verbatimSymlinks: true,
      });
    }
  }
  return { dir, stage, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The image's `ENV`, what `docker run -e` would add, and this machine's `PATH` (to find nothing else). */
function containerEnv(image: ContainerImage, overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    ...image.stage.env,
    ...overrides,
  };
  return env as NodeJS.ProcessEnv;
}

/**
 * The image's `CMD` in its working directory, with the image's `ENV` and nothing from this machine's
 * environment but `PATH`, as `docker run -e …` would start it. Two overrides, both what `-e` would pass:
 * the port, and `HOSTNAME`, which the image sets to 0.0.0.0 for the container's network and a test keeps
 * on loopback.
 */
export function startContainerInstance(image: ContainerImage, port: number, env: Record<string, string>) {
  const [command, ...args] = image.stage.cmd ?? [];
  if (command !== 'node') throw new Error(`the image's CMD should start node, not ${command}`);
  return startServerProcess({
    command: process.execPath,
    args,
    cwd: image.dir,
    env: containerEnv(image, { PORT: String(port), HOSTNAME: '127.0.0.1', ...env }),
    port,
  });
}

/** Runs the image's HEALTHCHECK command as Docker would inside the container; resolves with its exit code. */
export function runHealthcheck(image: ContainerImage, port: number): Promise<number> {
  const [command, ...args] = image.stage.healthcheck ?? [];
  if (command !== 'node') throw new Error(`the image's HEALTHCHECK should run node, not ${command}`);
  return new Promise((done) => {
    const env = containerEnv(image, { PORT: String(port) });
    const check = execFile(process.execPath, args, { cwd: image.dir, env, timeout: 3_000 });
    check.once('exit', (code) => done(code ?? 1));
  });
}
