// Ownership: a recruiter acts only on its own employer's postings, a candidate only on its own
// profile, a job board only on discoverable candidates; and who may read a candidate's email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ADMIN_KEY, startTestApp, type TestApp } from '../helpers/test-app.js';
import { adminOk, buildAuthWorld, outcome, snapshot, type AuthWorld } from './auth-world.js';

const CANDIDATES_FOR = `query($id: ID!) { candidatesForPosting(postingId: $id, includeIneligible: true, first: 50) {
  edges { node { candidate { id name email city state skills degrees { level field } experience { title startDate }
  qualifications { qualification { code } current } yearsOfExperience discoverable } } } } }`;
const MATCHES_FOR = `query($id: ID!) { matchesForCandidate(candidateId: $id, includeIneligible: true) { totalCount edges { node { posting { id } } } } }`;

interface CandidateNode {
  id: string;
  name: string;
  email: string | null;
  city: string | null;
  state: string | null;
  skills: string[];
  degrees: unknown[];
  experience: unknown[];
  qualifications: unknown[];
}

describe('ownership and email visibility', () => {
  let t: TestApp;
  let w: AuthWorld;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_BURST: '100000' } });
    w = await buildAuthWorld(t);
  });
  afterAll(async () => t?.close());

  async function candidatesSeenByRecruiter(): Promise<CandidateNode[]> {
    const r = await t.gql<{ candidatesForPosting: { edges: { node: { candidate: CandidateNode } }[] } }>(
      CANDIDATES_FOR,
      { id: w.postingA },
      w.keys.RECRUITER,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.candidatesForPosting.edges.map((e) => e.node.candidate);
  }

  describe('a recruiter and another employer', () => {
    it.each([
      ['updateJobPosting', `mutation($id: ID!) { updateJobPosting(id: $id, input: {title: "Hijacked"}) { id } }`, (x: AuthWorld) => ({ id: x.postingB })],
      ['closeJobPosting', `mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, (x: AuthWorld) => ({ id: x.postingB })],
      [
        'createJobPosting',
        `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Planted", description: "x"}) { id } }`,
        (x: AuthWorld) => ({ e: x.employerB }),
      ],
    ])('%s on employer B is FORBIDDEN and writes nothing', async (_name, query, vars) => {
      const before = await snapshot(t);
      const r = await t.gql(query, vars(w), w.keys.RECRUITER);
      expect(outcome(r)).toBe('FORBIDDEN');
      expect(r.errors![0].message).toMatch(/RECRUITER key cannot/);
      expect(await snapshot(t)).toEqual(before);
    });

    it('candidatesForPosting on employer B\'s posting is FORBIDDEN', async () => {
      const r = await t.gql(CANDIDATES_FOR, { id: w.postingB }, w.keys.RECRUITER);
      expect(outcome(r)).toBe('FORBIDDEN');
      expect(JSON.stringify(r)).not.toContain('Jordan');
    });

    it('its own employer works whatever the case of the id\'s hex digits', async () => {
      const r = await t.gql<{ updateJobPosting: { title: string } }>(
        `mutation($id: ID!) { updateJobPosting(id: $id, input: {title: "Practice Manager A"}) { title } }`,
        { id: w.postingA.toUpperCase() },
        w.keys.RECRUITER,
      );
      expect(r.errors).toBeUndefined();
      const c = await t.gql(
        `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Biller", description: "Bills."}) { employer { id } } }`,
        { e: w.employerA.toUpperCase() },
        w.keys.RECRUITER,
      );
      expect(c.errors).toBeUndefined();
      expect(c.data).toEqual({ createJobPosting: { employer: { id: w.employerA } } });
    });

    it('an unknown posting is NOT_FOUND (nothing to own)', async () => {
      const r = await t.gql(`mutation($id: ID!) { closeJobPosting(id: $id) { id } }`, { id: new Types.ObjectId().toHexString() }, w.keys.RECRUITER);
      expect(outcome(r)).toBe('NOT_FOUND');
    });
  });

  describe('a candidate and other candidates', () => {
    it.each([
      ['candidate', `query($id: ID!) { candidate(id: $id) { name } }`],
      ['updateCandidate', `mutation($id: ID!) { updateCandidate(id: $id, input: {name: "Hijacked"}) { id } }`],
      ['matchesForCandidate', MATCHES_FOR],
    ])('%s of another candidate is FORBIDDEN and reveals nothing', async (_name, query) => {
      const before = await snapshot(t);
      const r = await t.gql(query, { id: w.candidateOther }, w.keys.CANDIDATE);
      expect(outcome(r)).toBe('FORBIDDEN');
      expect(JSON.stringify(r)).not.toContain('Avery');
      expect(await snapshot(t)).toEqual(before);
    });

    it('an unknown candidate id is FORBIDDEN too, so a key cannot probe which ids exist', async () => {
      const r = await t.gql(`query($id: ID!) { candidate(id: $id) { name } }`, { id: new Types.ObjectId().toHexString() }, w.keys.CANDIDATE);
      expect(outcome(r)).toBe('FORBIDDEN');
    });
  });

  describe('discoverable', () => {
    it('a job board may not rank postings for a candidate who is not discoverable', async () => {
      const r = await t.gql(MATCHES_FOR, { id: w.candidateHidden }, w.keys.JOB_BOARD);
      expect(outcome(r)).toBe('FORBIDDEN');
      expect(r.errors![0].message).toContain('not discoverable');
    });

    it('a hidden candidate still sees its own matches, and never appears to recruiters', async () => {
      const own = await t.gql(MATCHES_FOR, { id: w.candidateHidden }, w.keys.HIDDEN_CANDIDATE);
      expect(outcome(own)).toBe('OK');
      expect((await candidatesSeenByRecruiter()).map((c) => c.id)).not.toContain(w.candidateHidden);
    });

    it('a candidate switches its own discoverable flag, and recruiters and job boards follow', async () => {
      const setDiscoverable = async (value: boolean) => {
        const r = await t.gql<{ updateCandidate: { discoverable: boolean } }>(
          `mutation($id: ID!, $v: Boolean!) { updateCandidate(id: $id, input: {discoverable: $v}) { discoverable } }`,
          { id: w.candidateSelf, v: value },
          w.keys.CANDIDATE,
        );
        expect(r.errors).toBeUndefined();
        expect(r.data!.updateCandidate.discoverable).toBe(value);
      };
      expect((await candidatesSeenByRecruiter()).map((c) => c.id)).toContain(w.candidateSelf);
      await setDiscoverable(false);
      expect((await candidatesSeenByRecruiter()).map((c) => c.id)).not.toContain(w.candidateSelf);
      expect(outcome(await t.gql(MATCHES_FOR, { id: w.candidateSelf }, w.keys.JOB_BOARD))).toBe('FORBIDDEN');
      await setDiscoverable(true);
      expect((await candidatesSeenByRecruiter()).map((c) => c.id)).toContain(w.candidateSelf);
      expect(outcome(await t.gql(MATCHES_FOR, { id: w.candidateSelf }, w.keys.JOB_BOARD))).toBe('OK');
    });
  });

  describe('email', () => {
    async function emailOf(id: string): Promise<string> {
      const rows = await t.app.connection.collection('candidates').find({ _id: new Types.ObjectId(id) }).toArray();
      return String(rows[0].email);
    }

    it('the candidate reads its own email', async () => {
      const r = await t.gql(`query($id: ID!) { candidate(id: $id) { email } }`, { id: w.candidateSelf }, w.keys.CANDIDATE);
      expect(r.data).toEqual({ candidate: { email: await emailOf(w.candidateSelf) } });
    });

    it('an admin reads every email', async () => {
      for (const id of [w.candidateSelf, w.candidateOther, w.candidateHidden]) {
        const r = await t.gql(`query($id: ID!) { candidate(id: $id) { email } }`, { id }, ADMIN_KEY);
        expect(r.data).toEqual({ candidate: { email: await emailOf(id) } });
      }
    });

    it('a recruiter sees qualifications, degrees, experience, skills and location, but every email is null', async () => {
      const seen = await candidatesSeenByRecruiter();
      expect(seen.length).toBeGreaterThanOrEqual(2);
      for (const c of seen) {
        expect(c.email).toBeNull();
        expect(c).toMatchObject({ city: 'Pittsburgh', state: 'PA', skills: ['billing'] });
        expect(c.degrees).toHaveLength(1);
        expect(c.experience).toHaveLength(1);
        expect(c.qualifications).toHaveLength(1);
      }
    });

    it('an admin ranking candidates for a posting sees their emails', async () => {
      const d = await adminOk<{ candidatesForPosting: { edges: { node: { candidate: CandidateNode } }[] } }>(t, CANDIDATES_FOR, { id: w.postingA });
      for (const { node } of d.candidatesForPosting.edges) expect(node.candidate.email).toBe(await emailOf(node.candidate.id));
    });

    it('a job board\'s answers contain no candidate data at all', async () => {
      const r = await t.gql(MATCHES_FOR, { id: w.candidateSelf }, w.keys.JOB_BOARD);
      expect(outcome(r)).toBe('OK');
      expect(JSON.stringify(r)).not.toContain('@example.org');
    });
  });
});
