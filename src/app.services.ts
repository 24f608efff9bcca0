// Builds every repository and service with plain constructors: the one place that wires them.
import type { Connection } from 'mongoose';
import { AuthService } from './auth/auth.service.js';
import { CandidateRepository } from './candidates/candidate.repository.js';
import { CandidateService } from './candidates/candidate.service.js';
import { EmployerRepository } from './employers/employer.repository.js';
import { EmployerService } from './employers/employer.service.js';
import { PostingRepository } from './postings/posting.repository.js';
import { PostingService } from './postings/posting.service.js';
import { QualificationRepository } from './qualifications/qualification.repository.js';
import { QualificationService } from './qualifications/qualification.service.js';
import type { IndexChangeSink } from './search/index-sync/index-change-sink.js';
import type { Clock } from './shared/clock.js';

export interface AppRepositories {
  qualifications: QualificationRepository;
  employers: EmployerRepository;
  postings: PostingRepository;
  candidates: CandidateRepository;
}

export interface AppServices {
  auth: AuthService;
  qualifications: QualificationService;
  employers: EmployerService;
  postings: PostingService;
  candidates: CandidateService;
}

export function createRepositories(conn: Connection): AppRepositories {
  return {
    qualifications: new QualificationRepository(conn),
    employers: new EmployerRepository(conn),
    postings: new PostingRepository(conn),
    candidates: new CandidateRepository(conn),
  };
}

export async function ensureIndexes(repos: AppRepositories): Promise<void> {
  await Promise.all(Object.values(repos).map((r) => r.ensureIndexes()));
}

export function createServices(
  repos: AppRepositories,
  deps: { adminApiKey: string; clock: Clock; indexSink: IndexChangeSink },
): AppServices {
  const qualifications = new QualificationService(repos.qualifications);
  const employers = new EmployerService(repos.employers);
  return {
    auth: new AuthService(deps.adminApiKey),
    qualifications,
    employers,
    postings: new PostingService(repos.postings, employers, qualifications, deps.indexSink, deps.clock),
    candidates: new CandidateService(repos.candidates, qualifications, deps.indexSink, deps.clock),
  };
}
