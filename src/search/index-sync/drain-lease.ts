// The outbox drain lease: with several instances, one drains at a time. Short (5 s) and
// renewed while a drain runs, released when it ends, so a holder that dies mid-drain blocks
// the others for at most 5 s; it records its holder (instance, pid, host, start), so a lease
// left by a process on this host that is gone (kill -9, or a Ctrl+C that took the database
// down first) is freed at once instead of waiting for it to expire.
import { hostname } from 'node:os';
import type { Logger } from '../../shared/logger.js';
import { isAlive } from '../../shared/mongo/process-table.js';
import type { LeaseHolder } from './lease.repository.js';
import type { OutboxRepository } from './outbox.repository.js';

export const LEASE_MS = 5_000;

export class DrainLease {
  private readonly holder: LeaseHolder;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly name: string,
    private readonly owner: string,
    private readonly logger: Logger,
  ) {
    this.holder = { instance: owner, pid: process.pid, hostname: hostname(), startedAt: new Date() };
  }

  // Wall-clock time: lease expiry is about processes, not business dates (tests fix the clock).
  private claim(): Promise<boolean> {
    const now = new Date();
    return this.outbox.leases.claim(this.name, this.owner, now, new Date(now.getTime() + LEASE_MS), this.holder);
  }

  /**
   * Runs `work` while holding the lease (renewed every third of its length); `held()` turns
   * false if a renewal found it taken. Returns false, without running `work`, when another
   * live holder has it.
   */
  async whileHeld(work: (held: () => boolean) => Promise<void>): Promise<boolean> {
    if (!(await this.claim()) && !((await this.reclaimFromDeadHolder()) && (await this.claim()))) return false;
    let held = true;
    const renew = setInterval(() => {
      this.claim().then(
        (ok) => (held &&= ok),
        () => undefined,
      );
    }, LEASE_MS / 3);
    renew.unref();
    try {
      await work(() => held);
    } finally {
      clearInterval(renew);
      await this.outbox.leases.release(this.name, this.owner).catch(() => undefined);
    }
    return true;
  }

  /** Frees the lease when its holder ran on this host and is no longer running; true if freed. */
  async reclaimFromDeadHolder(): Promise<boolean> {
    const lease = await this.outbox.leases.find(this.name);
    const h = lease?.holder;
    if (!lease || !h || lease.owner === this.owner) return false;
    // Another host cannot be checked (its lease expires), nor another app in this process.
    if (h.hostname !== this.holder.hostname || h.pid === process.pid || (await isAlive(h.pid))) return false;
    const freed = await this.outbox.leases.release(this.name, lease.owner);
    if (freed) {
      this.logger.info(
        `Freed the search drain lease of a process that is gone (pid ${h.pid}, started ${new Date(h.startedAt).toISOString()}, it held it until ${new Date(lease.leaseUntil).toISOString()})`,
      );
    }
    return freed;
  }

  async release(): Promise<void> {
    await this.outbox.leases.release(this.name, this.owner);
  }
}
