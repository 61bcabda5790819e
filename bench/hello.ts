import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The ceiling: a bare node:http server answering a small JSON body. Whatever the app does on top
 * of this (routing, hooks, headers, auth, database) shows as the gap between the two.
 * Prints `listening <port>` once it accepts connections.
 */
const body = JSON.stringify({ hello: 'world' });
const server = createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
