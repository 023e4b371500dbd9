import { readFileSync } from 'node:fs';

/**
 * The repository's Dockerfile, read as data. Docker cannot run on the test machines, so the tests assemble
 * and start the runtime stage from what this returns: the files it copies out of the build stage and its
 * `CMD`, `ENV` and `HEALTHCHECK`. Changing the Dockerfile changes what the tests run; they cannot drift.
 */
export type DockerStage = {
  name: string;
  image: string;
  workdir: string;
  env: Record<string, string>;
  /** `COPY` lines: `from` is the stage copied out of, or null for the build context. */
  copies: { from: string | null; chown: string | null; sources: string[]; destination: string }[];
  run: string[];
  user: string | null;
  /** The health check's command (exec form), or null. */
  healthcheck: string[] | null;
  /** `CMD` in exec form, or null. */
  cmd: string[] | null;
};

/** Instruction lines: comments dropped, `\` continuations joined. */
function instructions(text: string): string[] {
  const lines = text.split('\n').filter((line) => !/^\s*#/.test(line));
  return lines
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function execForm(value: string, where: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string'))
    throw new Error(`${where} must be in exec form (a JSON array of strings): ${value}`);
  return parsed;
}

/** `--from=build --chown=node:node a b dest` → its flags and its paths. */
function splitFlags(rest: string): { flags: Record<string, string>; args: string[] } {
  const flags: Record<string, string> = {};
  const args: string[] = [];
  for (const word of rest.split(/\s+/)) {
    const flag = /^--([a-z-]+)=(.*)$/.exec(word);
    if (flag) flags[flag[1]!] = flag[2]!;
    else args.push(word);
  }
  return { flags, args };
}

export function parseDockerfile(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const line of instructions(text)) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = keyword.toUpperCase();
    if (instruction === 'FROM') {
      const [image = '', , name] = rest.split(/\s+/);
      stages.push({
        name: name ?? String(stages.length),
        image,
        workdir: '/',
        env: {},
        copies: [],
        run: [],
        user: null,
        healthcheck: null,
        cmd: null,
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${instruction} before FROM`);
    if (instruction === 'WORKDIR') stage.workdir = rest;
    else if (instruction === 'ENV')
      for (const [, key, value] of rest.matchAll(/(\w+)=(\S+)/g)) stage.env[key!] = value!;
    else if (instruction === 'COPY') {
      const { flags, args } = splitFlags(rest);
      stage.copies.push({
        from: flags.from ?? null,
        chown: flags.chown ?? null,
        sources: args.slice(0, -1),
        destination: args.at(-1)!,
      });
    } else if (instruction === 'RUN') stage.run.push(rest);
    else if (instruction === 'USER') stage.user = rest;
    else if (instruction === 'CMD') stage.cmd = execForm(rest, 'CMD');
    else if (instruction === 'HEALTHCHECK') {
      const command = rest.slice(rest.indexOf('CMD ') + 4);
      stage.healthcheck = execForm(command, 'HEALTHCHECK CMD');
    }
  }
  return stages;
}

/** The repository's Dockerfile (the tests run from the repository's root). */
export function readDockerfile(path = 'Dockerfile'): DockerStage[] {
  return parseDockerfile(readFileSync(path, 'utf8'));
}
