// Builds every repository and service with plain constructors: the one place that wires them.
import type { Connection } from 'mongoose';
import { AuthService } from './api-keys/authentication.service.js';
import { ApiKeyRepository } from './api-keys/api-key.repository.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { AuditRepository } from './audit/audit.repository.js';
import { AuditService } from './audit/audit.service.js';
import { CandidateRepository } from './candidates/candidate.repository.js';
import { CandidateService } from './candidates/candidate.service.js';
import { EmployerRepository } from './employers/employer.repository.js';
import { EmployerService } from './employers/employer.service.js';
import { PostingRepository } from './postings/posting.repository.js';
import { PostingService } from './postings/posting.service.js';
import { PostingBulkService } from './postings/posting-bulk.service.js';
import { PostingFeedService } from './postings/posting-feed.service.js';
import { QualificationRepository } from './qualifications/qualification.repository.js';
import { QualificationService } from './qualifications/qualification.service.js';
import { CareerMarketService } from './career-market/career-market.service.js';
import { MatchService } from './matches/match.service.js';
import { RenewalService } from './renewals/renewal.service.js';
import { SalaryBenchmarkService } from './salary/salary-benchmark.service.js';
import { readSalaryBenchmarks, type SalaryBenchmarkData } from './salary/salary-benchmark.data.js';
import { PostingSearchService } from './postings/posting-search.service.js';
import { PostingListService } from './postings/posting-list.service.js';
import { CandidateSearchService } from './candidates/candidate-search.service.js';
import { IndexSyncService, type IndexSyncOptions } from './search/index-sync/index-sync.service.js';
import { OutboxRepository } from './search/index-sync/outbox.repository.js';
import { AppliedJournal, JournaledOutboxRepository } from './search/index-sync/applied-journal.js';
import { ReconcileService } from './search/index-sync/reconcile.js';
import { ChangeLogRepository } from './search/index-sync/change-log.repository.js';
import { RecordDocumentSource } from './search/index-sync/record-documents.js';
import type { SearchEngine } from './search/search-engine.js';
import { CandidateDataRightsService } from './data-rights/candidate-data-rights.service.js';
import { RecordDeletionService } from './data-rights/record-deletion.service.js';
import { AlertRepository } from './alerts/alert.repository.js';
import { DeliveryRepository } from './alerts/delivery.repository.js';
import { AlertWorkRepository } from './alerts/alert-work.repository.js';
import { AlertRuntime, type AlertRuntimeDeps } from './alerts/alert-runtime.js';
import type { AlertRuntimeApi } from './alerts/alert-runtime-api.js';
import { ThreadedAlertRuntime } from './alerts/detection-thread/threaded-alert-runtime.js';
import type { RequestGate } from './shared/foreground-activity.js';
import type { DetectionThreadData } from './alerts/detection-thread/detection-protocol.js';
import { AlertService } from './alerts/alert.service.js';
import type { AlertsConfig } from './config.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';
import type { IdLookup } from './shared/mongo/find-by-ids.js';
import type { PageRecordCacheOptions } from './shared/mongo/page-record-cache.js';
import type { IndexApplyListener } from './search/index-sync/apply-listener.js';

export interface AppRepositories {
  qualifications: QualificationRepository;
  employers: EmployerRepository;
  postings: PostingRepository;
  candidates: CandidateRepository;
  outbox: OutboxRepository;
  changeLog: ChangeLogRepository;
  apiKeys: ApiKeyRepository;
  audit: AuditRepository;
  alerts: AlertRepository;
  alertDeliveries: DeliveryRepository;
  alertWork: AlertWorkRepository;
}

export interface AppServices {
  auth: AuthService;
  qualifications: QualificationService;
  employers: EmployerService;
  postings: PostingService;
  postingBulk: PostingBulkService;
  postingFeeds: PostingFeedService;
  candidates: CandidateService;
  postingSearch: PostingSearchService;
  postingLists: PostingListService;
  candidateSearch: CandidateSearchService;
  matches: MatchService;
  renewals: RenewalService;
  salaries: SalaryBenchmarkService;
  careerMarket: CareerMarketService;
  indexSync: IndexSyncService;
  reconcile: ReconcileService;
  search: SearchEngine;
  apiKeys: ApiKeyService;
  audit: AuditService;
  dataRights: CandidateDataRightsService;
  deletions: RecordDeletionService;
  alerts: AlertService;
  /** Detection (told by the index sync), the webhook worker and live events; started by app.ts. */
  alertRuntime: AlertRuntimeApi;
}

/** `journal`: note each applied index change, for restarts from a snapshot (index-sync/snapshot.ts). */
export function createRepositories(
  conn: Connection,
  idLookup: IdLookup = 'point-reads',
  options: { journal?: boolean; pageCache?: PageRecordCacheOptions } = {},
): AppRepositories {
  return {
    qualifications: new QualificationRepository(conn),
    employers: new EmployerRepository(conn, idLookup),
    postings: new PostingRepository(conn, idLookup, options.pageCache),
    candidates: new CandidateRepository(conn, idLookup, options.pageCache),
    outbox: options.journal ? new JournaledOutboxRepository(conn, new AppliedJournal(conn)) : new OutboxRepository(conn),
    changeLog: new ChangeLogRepository(conn),
    apiKeys: new ApiKeyRepository(conn),
    audit: new AuditRepository(conn),
    alerts: new AlertRepository(conn),
    alertDeliveries: new DeliveryRepository(conn),
    alertWork: new AlertWorkRepository(conn),
  };
}

/** What reached the index (here or, with the embedded engine, through another instance) leaves the page caches. */
function pageCacheEviction(repos: AppRepositories): IndexApplyListener {
  return {
    postingsApplied: async (docs, gone) => repos.postings.pageCache.evict([...docs.map((d) => d.id), ...gone]),
    candidatesApplied: async (docs, gone) => repos.candidates.pageCache.evict([...docs.map((d) => d.id), ...gone]),
  };
}

export async function ensureIndexes(repos: AppRepositories): Promise<void> {
  await Promise.all(Object.values(repos).map((r) => r.ensureIndexes()));
}

export function createServices(
  repos: AppRepositories,
  deps: {
    adminApiKey: string;
    clock: Clock;
    engine: SearchEngine;
    logger: Logger;
    indexSync?: IndexSyncOptions;
    /** Default: seeds/oews/oews-11-9111.json, read once here. */
    salaryBenchmarks?: SalaryBenchmarkData;
    alerts: AlertsConfig;
    /** Tests: network seams and the delivery clock of the webhook worker. */
    alertSeams?: Pick<AlertRuntimeDeps, 'deliveryNow' | 'send' | 'resolve'>;
    /** Detection in this thread steps aside for requests through it (the thread builds its own). */
    alertGate?: RequestGate;
    /** Given: detection runs in its own thread with its own connection (detection-thread/). */
    alertThread?: DetectionThreadData;
  },
): AppServices {
  const { clock, engine } = deps;
  const employers = new EmployerService(repos.employers);
  // The document source reads the catalog only when it indexes, after every service exists.
  const documents = new RecordDocumentSource({
    postings: repos.postings,
    candidates: repos.candidates,
    employers,
    catalog: (): ReturnType<QualificationService['catalog']> => qualifications.catalog(),
  });
  // Each instance holds its own embedded index, so each follows the change log (DESIGN §9).
  const changeLog = engine.kind === 'embedded' ? repos.changeLog : undefined;
  const indexSync = new IndexSyncService(repos.outbox, documents, engine, clock, deps.logger, changeLog, deps.indexSync);
  const qualifications = new QualificationService(repos.qualifications, indexSync);
  const postings = new PostingService(repos.postings, employers, qualifications, indexSync, clock);
  const candidates = new CandidateService(repos.candidates, qualifications, indexSync, clock);
  const postingLists = new PostingListService(repos.postings);
  const postingBulk = new PostingBulkService(repos.postings, employers, qualifications, indexSync, clock, deps.logger);
  const apiKeys = new ApiKeyService(repos.apiKeys, employers, candidates, clock);
  const audit = new AuditService(repos.audit, clock);
  const alertRuntime: AlertRuntimeApi = deps.alertThread
    ? new ThreadedAlertRuntime({ alerts: repos.alerts, work: repos.alertWork, logger: deps.logger, thread: deps.alertThread })
    : new AlertRuntime({
        alerts: repos.alerts,
        deliveries: repos.alertDeliveries,
        work: repos.alertWork,
        documents,
        catalog: () => qualifications.catalog(),
        clock,
        logger: deps.logger,
        config: deps.alerts,
        gate: deps.alertGate,
        ...deps.alertSeams,
      });
  indexSync.addApplyListener(alertRuntime.detector);
  indexSync.addChangeRecorder(alertRuntime.detector);
  indexSync.addApplyListener(pageCacheEviction(repos));
  return {
    auth: new AuthService(deps.adminApiKey, repos.apiKeys),
    qualifications,
    employers,
    postings,
    postingBulk,
    postingFeeds: new PostingFeedService(postings, postingBulk, employers, qualifications, clock),
    candidates,
    postingSearch: new PostingSearchService(engine, postings, postingLists),
    postingLists,
    candidateSearch: new CandidateSearchService(engine, repos.candidates, qualifications, clock),
    matches: new MatchService(engine, postings, candidates, qualifications, clock),
    renewals: new RenewalService(engine, candidates, qualifications, clock),
    salaries: new SalaryBenchmarkService(deps.salaryBenchmarks ?? readSalaryBenchmarks()),
    careerMarket: new CareerMarketService(engine, postings, candidates, qualifications, clock),
    indexSync,
    reconcile: new ReconcileService(engine, { posting: repos.postings, candidate: repos.candidates }, indexSync, clock, deps.logger),
    search: engine,
    apiKeys,
    audit,
    dataRights: new CandidateDataRightsService({ candidates, apiKeys, audit, alerts: repos.alerts }, clock, deps.logger),
    deletions: new RecordDeletionService(employers, postings, apiKeys),
    alerts: new AlertService(repos.alerts, repos.alertDeliveries, alertRuntime, candidates, postings, deps.alerts, clock),
    alertRuntime,
  };
}
