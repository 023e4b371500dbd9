import { connect } from 'node:net';

/**
 * A request whose headers are on the wire but not finished: the server has taken its connection but not
 * the request yet. Sent before a SIGTERM and finished after it, it is what arrives at an instance that has
 * begun shutting down (Next closes its listener at once, so a new connection would be refused instead).
 */
export async function startRequestOnTheWire(port: number, path: string, cookie = '') {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\n${cookie && `Cookie: ${cookie}\r\n`}`);
  return {
    /** Ends the headers and reads the answer: its status, headers (lower case) and body. */
    async finish() {
      // The server closes the connection once it has answered, which ends the reading.
      socket.write('Connection: close\r\n\r\n');
      await closed;
      const [head = '', ...rest] = received.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      const chunked = headers['transfer-encoding'] === 'chunked';
      const body = rest.join('\r\n\r\n');
      return {
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: chunked
          ? body
              .split('\r\n')
              .filter((_, index) => index % 2 === 1)
              .join('')
          : body,
      };
    },
  };
}
