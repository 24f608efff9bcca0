// A small world for the browse-and-search API tests, built through the API: three employers,
// five open postings and a closed one at known ZIPs / cities, five candidates (one hidden).
// Dates are far from today so "current" and "years" do not move while tests run.
import type { TestApp } from './test-app.js';
import { createCandidate, createEmployer, createPosting, must, upsertQualification } from './fixtures.js';

export interface BrowseWorld {
  employers: { lone: string; golden: string; pacific: string };
  postings: { A: string; B: string; C: string; D: string; E: string; F: string };
  candidates: { ava: string; ben: string; cara: string; dev: string; eli: string };
}

export async function buildBrowseWorld(t: TestApp): Promise<BrowseWorld> {
  await upsertQualification(t, { code: 'CMM', name: 'Certified Medical Manager', kind: 'CERTIFICATION' });
  await upsertQualification(t, { code: 'NHA', name: 'Nursing Home Administrator', kind: 'LICENSE', stateSpecific: true });
  await upsertQualification(t, { code: 'RHIA', name: 'Registered Health Information Administrator', kind: 'CERTIFICATION' });
  const lone = await createEmployer(t, { name: 'Lone Star Clinics', setting: 'PHYSICIAN_OFFICE', city: 'Dallas', state: 'TX' });
  const golden = await createEmployer(t, { name: 'Golden Years Care', setting: 'NURSING_HOME', state: 'TX' });
  const pacific = await createEmployer(t, { name: 'Pacific Health (West)', setting: 'HOSPITAL', state: 'CA' });
  const post = (i: Record<string, unknown>) => createPosting(t, { description: 'Runs the office.', ...i });
  const A = await post({ employerId: lone, title: 'Practice Manager', city: 'Dallas', state: 'TX', zip: '75201', salaryMax: 90_000, skills: ['billing'] });
  const B = await post({ employerId: golden, title: 'Nursing Home Administrator', city: 'Addison', state: 'TX', zip: '75001', salaryMin: 100_000, requiredQualificationCodes: ['NHA'] });
  const C = await post({ employerId: lone, title: 'Billing Supervisor', city: 'Houston', state: 'TX', salaryMin: 60_000, salaryMax: 70_000, employmentType: 'PART_TIME' });
  const D = await post({ employerId: pacific, title: 'Health Information Manager', city: 'Los Angeles', state: 'CA', zip: '90001', remote: true, salaryMax: 130_000 });
  const E = await post({ employerId: pacific, title: 'Clinic Director', city: 'New York', state: 'NY', zip: '10001', employmentType: 'CONTRACT' });
  const F = await post({ employerId: lone, title: 'Office Lead', city: 'Dallas', state: 'TX', zip: '75201' });
  await must(t, 'mutation($id: ID!) { closeJobPosting(id: $id) { id } }', { id: F });

  const person = (name: string, i: Record<string, unknown>) => createCandidate(t, { name, email: `${name.toLowerCase()}.${t.dbName}@example.org`, ...i });
  const ava = await person('Ava', {
    headline: 'Practice manager', state: 'TX', city: 'Dallas', zip: '75201', skills: ['billing'],
    degrees: [{ level: 'BACHELOR', field: 'Business' }],
    qualifications: [{ code: 'NHA', state: 'TX', expiresOn: '2040-01-01' }, { code: 'CMM', expiresOn: '2020-06-01' }],
    experience: [{ title: 'Business office manager', setting: 'NURSING_HOME', startDate: '2015-01-01', endDate: '2020-12-31' }],
  });
  const ben = await person('Ben', {
    summary: 'Health information and coding quality.', state: 'TX', city: 'Austin',
    degrees: [{ level: 'MASTER', field: 'Health Administration' }],
    qualifications: [{ code: 'RHIA' }],
    experience: [{ title: 'Coding supervisor', setting: 'HOSPITAL', startDate: '2018-01-01', endDate: '2020-12-31' }],
  });
  const cara = await person('Cara', {
    headline: 'Nursing home administrator', state: 'CA', city: 'Los Angeles', zip: '90001',
    degrees: [{ level: 'DOCTORATE', field: 'Nursing' }],
    qualifications: [{ code: 'NHA', state: 'CA' }],
    experience: [{ title: 'Administrator', setting: 'NURSING_HOME', startDate: '2005-01-01', endDate: '2016-12-31' }],
  });
  const dev = await person('Dev', {
    headline: 'Practice manager and administrator', state: 'TX', city: 'Addison', zip: '75001', discoverable: false,
    degrees: [{ level: 'MASTER', field: 'Business' }],
    qualifications: [{ code: 'NHA', state: 'TX' }, { code: 'CMM', expiresOn: '2040-01-01' }],
    experience: [{ title: 'Director', setting: 'NURSING_HOME', startDate: '2000-01-01', endDate: '2020-12-31' }],
  });
  const eli = await person('Eli', { state: 'NY', city: 'New York', zip: '10001', degrees: [{ level: 'HIGH_SCHOOL', field: 'General Studies' }] });
  return { employers: { lone, golden, pacific }, postings: { A, B, C, D, E, F }, candidates: { ava, ben, cara, dev, eli } };
}

/** Our own haversine (law of haversines, R = 3958.8 mi) on the zipcodes package's coordinates. */
export function milesBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.latitude - a.latitude) * r) / 2) ** 2 + Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(((b.longitude - a.longitude) * r) / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.sqrt(h));
}
