// Public entry point of the seed generator: pure, deterministic functions of (count, seed)
// with no I/O, so the app's loader, the benchmark and the tests can all call them.
export { generateEmployers } from './employer-generator.js';
export { generatePostings } from './posting-generator.js';
export { generateCandidates } from './candidate-generator.js';
export { transformCatalog } from './catalog-transform.js';
export { REFERENCE_DATE } from './dates.js';
export type { SeedCandidate, SeedEmployer, SeedPosting, SeedQualification } from './seed-types.js';
