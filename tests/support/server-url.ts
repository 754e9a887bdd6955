import type { Server } from 'node:net';

/** http://127.0.0.1:<port> of a listening server. */
export function serverUrl(server: Server): string {
  const address = server.address();
  if (!address || typeof address === 'string')
    throw new Error('The server is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}
