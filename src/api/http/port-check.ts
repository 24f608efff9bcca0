// Binds the API's address for a moment before anything else starts, so a busy port is
// reported in a second instead of after the database has been started and indexed.
import net from 'node:net';
import { StartupError } from '../../shared/startup-error.js';

export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return; // any free port: nothing to collide with
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(new StartupError(`PORT ${port} on HOST ${host} is already in use: stop the process using it or set PORT to a free port`, 'PORT'));
      } else if (err.code === 'EACCES') {
        reject(new StartupError(`PORT ${port} on HOST ${host} needs privileges this process lacks: use a port above 1023`, 'PORT'));
      } else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
        reject(new StartupError(`HOST ${host} is not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its addresses`, 'HOST'));
      } else reject(err);
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
