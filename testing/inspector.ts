import { WebSocket } from 'undici';

/**
 * The V8 heap of a server started with `--inspect` and `--expose-gc`, read after a full collection through
 * the inspector protocol: unlike the resident set, it does not count garbage that was never collected.
 */
export async function heapUsedAfterGc(inspectPort: number): Promise<number> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const socket = new WebSocket(target!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  try {
    const answer = new Promise<string>((resolve) =>
      socket.addEventListener('message', (event) => resolve(String(event.data)), { once: true }),
    );
    const expression = 'globalThis.gc(); globalThis.gc(); process.memoryUsage().heapUsed';
    socket.send(
      JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
    );
    const { result } = JSON.parse(await answer) as { result: { result: { value: number } } };
    return result.result.value;
  } finally {
    socket.close();
  }
}
