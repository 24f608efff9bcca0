// Entry of the alert detection thread (threaded-alert-runtime.ts): the whole running side of
// alerts (the index of alerts and the states they need, evaluation, its MongoDB reads and
// writes, the webhook worker) on its own event loop, heap and MongoDB connection, so a posting
// write's request never waits behind evaluation, its I/O or the garbage collection of a heap
// holding 100,000 alerts.
// The record -> document code reaches GraphQL input types (their decorators need it first).
import 'reflect-metadata';
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import mongoose, { Types } from 'mongoose';
import { CandidateRepository } from '../../candidates/candidate.repository.js';
import { EmployerRepository } from '../../employers/employer.repository.js';
import { EmployerService } from '../../employers/employer.service.js';
import { PostingRepository } from '../../postings/posting.repository.js';
import { QualificationRepository } from '../../qualifications/qualification.repository.js';
import { QualificationService } from '../../qualifications/qualification.service.js';
import { RecordDocumentSource } from '../../search/index-sync/record-documents.js';
import { systemClock } from '../../shared/clock.js';
import type { IndexChangeSink } from '../../shared/index-change-sink.js';
import { createLogger } from '../../shared/logger.js';
import { ForegroundActivity } from '../../shared/foreground-activity.js';
import { detectIdLookup } from '../../shared/mongo/find-by-ids.js';
import type { PublishedEvent } from '../alert-events.js';
import { AlertRepository } from '../alert.repository.js';
import { AlertRuntime } from '../alert-runtime.js';
import { AlertWorkRepository } from '../alert-work.repository.js';
import { DeliveryRepository } from '../delivery.repository.js';
import type { DetectionThreadData, FromThread, ToThread } from './detection-protocol.js';

if (!parentPort) throw new Error('detection.worker must run as a worker thread');
const port = parentPort;
const data = workerData as DetectionThreadData;
const logger = createLogger(data.logLevel);
const send = (m: FromThread) => port.postMessage(m);

/**
 * This thread's nice value. On a busy machine the thread's CPU still competed with the
 * requests' thread for the cores (one profile: 0.66 of a core while posting writes ran), so
 * requests win the cores and detection takes what is left; its work waits durably in
 * alert_work meanwhile. Linux gives each thread its own nice value (setpriority on the thread
 * id, which /proc/thread-self names); elsewhere the thread keeps the process's priority.
 */
const DETECTION_NICE = 10;
try {
  os.setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), DETECTION_NICE);
} catch {
  logger.debug('Alert detection thread: own priority not available here');
}

const conn = await mongoose.createConnection(data.mongoUri, { dbName: data.dbName, autoIndex: false, maxPoolSize: 5 }).asPromise();
const idLookup = await detectIdLookup(conn);
// No page cache: this thread reads documents only to evaluate their current state.
const repos = {
  qualifications: new QualificationRepository(conn),
  employers: new EmployerRepository(conn, idLookup),
  postings: new PostingRepository(conn, idLookup, { maxAgeMs: 0, maxEntries: 0 }),
  candidates: new CandidateRepository(conn, idLookup, { maxAgeMs: 0, maxEntries: 0 }),
  alerts: new AlertRepository(conn),
  alertDeliveries: new DeliveryRepository(conn),
  alertWork: new AlertWorkRepository(conn),
};
// Only the catalog is read here; catalog writes go through the main thread's service.
const noIndexWrites = new Proxy({} as IndexChangeSink, {
  get: () => () => Promise.reject(new Error('no catalog writes in the alert detection thread')),
});
const qualifications = new QualificationService(repos.qualifications, noIndexWrites);
const documents = new RecordDocumentSource({
  postings: repos.postings,
  candidates: repos.candidates,
  employers: new EmployerService(repos.employers),
  catalog: () => qualifications.catalog(),
});
const runtime = new AlertRuntime({
  alerts: repos.alerts,
  deliveries: repos.alertDeliveries,
  work: repos.alertWork,
  documents,
  catalog: () => qualifications.catalog(),
  clock: systemClock,
  logger,
  config: data.config,
  // One pass per batch window over every change handed over meanwhile.
  coalesceMs: data.config.detectionBatchMs,
  gate: new ForegroundActivity(data.foreground).gate(data.backgroundMaxWaitMs),
});

// Events go to the main thread's bus (its WebSocket subscribers) in one message per turn, and
// only while it has subscribers: a dense population raises hundreds per write.
const outgoing: PublishedEvent[] = [];
let subscribed = false;
runtime.bus.listen((e) => {
  if (!subscribed) return;
  if (outgoing.length === 0) setImmediate(() => send({ t: 'events', events: outgoing.splice(0) }));
  outgoing.push(e);
});

const reply = (req: number, work: () => Promise<unknown>) =>
  void work().then(
    (value) => send({ t: 'reply', req, value }),
    (err: Error) => send({ t: 'reply', req, error: err.message }),
  );

port.on('message', (m: ToThread) => {
  const { detector } = runtime;
  switch (m.t) {
    case 'recorded':
      return detector.recorded(m.batch, m.entity, m.ids);
    case 'postings':
      return reply(m.req, () => detector.postingsApplied(m.docs, m.gone));
    case 'candidates':
      return reply(m.req, () => detector.candidatesApplied(m.docs, m.gone));
    case 'add':
      return reply(m.req, async () => {
        const a = await repos.alerts.findById(new Types.ObjectId(m.id));
        if (a?.active) await runtime.add(a);
      });
    case 'remove':
      return runtime.remove(m.id);
    case 'subscribed':
      subscribed = m.subscribed;
      return;
    case 'idle':
      return reply(m.req, () => detector.idle());
    case 'sweep':
      return reply(m.req, () => detector.sweep(m.ageMs));
    case 'stop':
      return reply(m.req, async () => {
        await runtime.stop();
        await conn.close();
      });
  }
});

await runtime.start();
send({ t: 'started' });
