// Hocuspocus as its README starts it, with the SQLite extension on a file (its default is
// ":memory:", which keeps nothing across a restart) and every other setting at its default:
// stores debounced by 2 s, at most 10 s apart. Plain JavaScript, so it runs on bare Node as a
// Hocuspocus deployment would, with none of the bench's TypeScript loader in its memory or CPU.
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.DATABASE })],
});
await server.listen();
