/**
 * Preloaded into a server under fuzz or soak (`--import`): refuses every outbound TCP connection.
 * Generated webhook URLs may name any address, and this machine may send traffic to loopback only;
 * with this hook a delivery fails at once, as it would against a closed port, and reaches nothing.
 * Each refusal is printed as a JSON log line, so the test can see that one was attempted.
 */
import net from 'node:net';

type ConnectArgs = Parameters<net.Socket['connect']>;
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function refuseOutbound(this: net.Socket, ...args: unknown[]) {
  // net.connect hands the socket its arguments already normalised, as [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? (first as { path?: string; host?: string; port?: number }) : undefined;
  // Unix sockets and pipes stay local by nature.
  if (options?.path) return connect.apply(this, args as ConnectArgs);
  const target = options ? `${options.host ?? 'localhost'}:${options.port}` : String(first);
  console.log(JSON.stringify({ level: 40, time: Date.now(), msg: 'outbound connection refused', target }));
  process.nextTick(() => this.destroy(new Error(`Outbound connection to ${target} refused: outbound network is off in this test server.`)));
  return this;
} as net.Socket['connect'];
