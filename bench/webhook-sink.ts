// The alerts bench's webhook receiver, in a process of its own: dense alert populations send
// dozens of webhooks per write, and answering them on the bench's own event loop would add
// to the very latencies it measures. Prints its port on stdout, answers 204 to everything.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Sink {
  url: string;
  close(): void;
}

export async function startSinkProcess(): Promise<Sink> {
  const child: ChildProcess = spawn(process.execPath, [fileURLToPath(import.meta.url), 'serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (b: Buffer) => resolve(Number(b.toString().trim())));
    child.once('exit', (code) => reject(new Error(`webhook sink exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/hook`, close: () => child.kill('SIGTERM') };
}

if (process.argv[2] === 'serve') {
  const server = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
}
