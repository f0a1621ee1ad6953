// Raw sockets for the bounds tests: what a peer that is not a well-behaved HTTP client sends, and
// everything the server wrote back until it closed the connection.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

export interface RawPeer {
  socket: Socket;
  /** Everything received so far. */
  text(): string;
  /** Resolves when `count` answers have begun arriving. */
  answers(count: number): Promise<void>;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
}

export async function rawPeer(port: number): Promise<RawPeer> {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  const waits: (() => void)[] = [];
  socket.on('data', chunk => {
    received += chunk.toString('latin1');
    for (const wake of waits.splice(0)) wake();
  });
  socket.on('error', () => {});
  // Not events.once: it rejects on 'error', and a connection the server resets is closed too.
  const closed = new Promise<void>(resolve =>
    socket.once('close', () => {
      for (const wake of waits.splice(0)) wake();
      resolve();
    }),
  );
  await once(socket, 'connect');
  const count = () => received.split('HTTP/1.1 ').length - 1;
  const answers = async (n: number) => {
    while (count() < n) {
      if (socket.destroyed) throw new Error(`closed after ${count()} answers: ${received}`);
      await new Promise<void>(wake => waits.push(wake));
    }
  };
  return { socket, text: () => received, answers, closed };
}

/** The head and parsed JSON body of the first answer in `text`. */
export function firstAnswer(text: string) {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const headers = Object.fromEntries(
    head
      .split('\r\n')
      .slice(1)
      .map(line => [
        line.slice(0, line.indexOf(':')).toLowerCase(),
        line.slice(line.indexOf(':') + 1).trim(),
      ]),
  );
  return {
    status: Number(head.split(' ')[1]),
    headers,
    body: JSON.parse(rest.join('\r\n\r\n')) as { error: Record<string, unknown> },
  };
}

export const GET = (path: string) => `GET ${path} HTTP/1.1\r\nHost: mock.test\r\n\r\n`;
