// Meilisearch writes are tasks: each is awaited explicitly and a failed one becomes a
// SearchRejectedError (permanent: a bug to park) or a SearchUnavailableError (retry later).
import type { EnqueuedTaskPromise, Meilisearch, Task } from 'meilisearch';
import { SearchRejectedError, SearchUnavailableError } from '../search-errors.js';
import { permanentTaskFailure } from './meilisearch-errors.js';

export class MeilisearchTasks {
  constructor(
    private readonly client: Meilisearch,
    private readonly timeoutMs: number,
  ) {}

  async write(operation: string, enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await this.wait(enqueued);
    if (task.status !== 'succeeded') this.failed(operation, task);
  }

  /**
   * Polls the task until it is finished, 25 ms at first, backing off to 500 ms. Not the
   * client's waitTask: that adds a listener to one timeout signal per poll, which leaked
   * (and warned) during the minute-long waits of a rebuild's queued batches.
   */
  async wait(enqueued: EnqueuedTaskPromise): Promise<Task> {
    return this.waitFor((await enqueued).taskUid);
  }

  /** `wait` for a task enqueued earlier. */
  async waitFor(taskUid: number): Promise<Task> {
    // The timeout counts from when the task starts: a rebuild queues several batches, and the
    // last one waits behind the others (minutes on a busy machine) before its own run.
    // Waiting in the queue is bounded too, by four timeouts.
    const queuedUntil = Date.now() + 4 * this.timeoutMs;
    let deadline = queuedUntil;
    for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
      const task = await this.client.tasks.getTask(taskUid);
      if (task.status === 'succeeded' || task.status === 'failed' || task.status === 'canceled') return task;
      if (task.status === 'processing' && deadline === queuedUntil) deadline = Math.min(queuedUntil, Date.now() + this.timeoutMs);
      if (Date.now() > deadline) throw new Error(`Meilisearch task ${taskUid} still ${task.status} after ${this.timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  failed(operation: string, task: Task): never {
    const cause = task.error ?? new Error(`task ${task.uid} ended ${task.status}`);
    const permanent = permanentTaskFailure(task);
    if (permanent !== null) throw new SearchRejectedError(operation, permanent, { cause });
    throw new SearchUnavailableError(operation, { cause });
  }
}
