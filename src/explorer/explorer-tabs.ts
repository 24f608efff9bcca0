// The explorer's preloaded tabs: one example per kind of user (README "The API"). Each tab
// says which key it needs; ids come from the job-board tab's searchPostings (postings and
// employers) and the recruiter tab's candidatesForPosting (candidates).

export interface ExplorerTab {
  query: string;
  variables?: string;
}

const JOB_BOARD = `# Job board: full-text search of open postings.
# Anyone may run it, no key needed. Its ids feed the
# other tabs: a posting id for the recruiter tab, an
# employer id for employer(id) and createJobPosting.
# Keys go in the Headers pane below:
#   {"Authorization": "Bearer <key>"}
query SearchPostings {
  searchPostings(query: "practice manager", filter: { states: ["TX"] }, first: 5) {
    totalCount
    edges {
      node { id title city state salaryMin salaryMax employer { id name } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const RECRUITER = `# Recruiter: discoverable candidates ranked for one
# of your postings, with why. Needs a RECRUITER key of
# the posting's employer (or ADMIN) in the Headers pane.
# Put a posting id from the job-board tab into the
# Variables pane.
query CandidatesForPosting($postingId: ID!) {
  candidatesForPosting(postingId: $postingId, first: 10) {
    totalCount
    edges {
      node {
        score
        candidate { id name state yearsOfExperience }
        explanation { summary matchedRequired { code } matchedPreferred { code } }
      }
    }
  }
}
`;

const CANDIDATE = `# Candidate: recommended postings and what is still
# missing for each. Needs that candidate's CANDIDATE key
# (or ADMIN) in the Headers pane. A candidate id comes
# from the recruiter tab's candidatesForPosting.
query MatchesForCandidate($candidateId: ID!) {
  matchesForCandidate(candidateId: $candidateId, includeIneligible: true, first: 5) {
    edges {
      node {
        score
        eligible
        posting { title employer { name } state }
        explanation { summary missing { kind code detail } matchedPreferred { code } }
      }
    }
  }
}
`;

export const EXPLORER_TABS: ExplorerTab[] = [
  { query: JOB_BOARD },
  { query: RECRUITER, variables: JSON.stringify({ postingId: '<a posting id from searchPostings>' }, null, 2) },
  { query: CANDIDATE, variables: JSON.stringify({ candidateId: '<a candidate id from candidatesForPosting>' }, null, 2) },
];
