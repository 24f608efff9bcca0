// Renewal cycles of state-granted licences as the state boards publish them. The domain
// catalog (seeds/source/domain-catalog.json) gives NHA and RCAL no single cycle because each
// state sets its own; its `renewalByStateExamples` name the states researched, in free text.
// This table is that research read by hand into numbers, one row per state, each with where
// the figure comes from. Only figures a source states are filled in; the rest stay null
// (no CE requirement is then checked: renewal reads ON_TRACK until the due date).
import type { SeedStateRenewal } from './seed-types.js';

export interface StateRenewalSource extends SeedStateRenewal {
  code: string;
}

export const STATE_RENEWALS: readonly StateRenewalSource[] = [
  {
    code: 'NHA',
    state: 'LA',
    renewalMonths: 36,
    continuingEducationHours: 60,
    source:
      'Louisiana Board of Examiners of Nursing Facility Administrators, https://slnha.org/licensure/: 60 CE hours per triennial period, 4 of them ethics (domain catalog NHA.renewalByStateExamples, confidence HIGH)',
  },
  {
    code: 'NHA',
    state: 'ME',
    renewalMonths: 12,
    continuingEducationHours: 24,
    source:
      'Maine Health Care Association summary of the Maine licensing rule, https://www.mehca.org/blog_home.asp?Display=1897: 24 CE hours per year for nursing home and multi-level LTC administrators (domain catalog NHA.renewalByStateExamples; an association page, not the board itself)',
  },
  {
    code: 'NHA',
    state: 'NC',
    renewalMonths: 24,
    continuingEducationHours: null,
    source:
      'N.C. Gen. Stat. 90-286, http://laws9.com/statutes/north-carolina/Chapter_90/GS_90-286: biennial renewal; the statute caps required CE at 30 hours per 2 years but the board rule fixing the figure was not retrieved, so hours stay null (domain catalog NHA.renewalByStateExamples)',
  },
  {
    code: 'NHA',
    state: 'TN',
    renewalMonths: 12,
    continuingEducationHours: 18,
    source:
      'Tennessee Board of Licensing Health Care Facilities, NHA continuing education, http://www.tennessee.gov/health/health-program-areas/health-professional-boards/nha-board/nha-board/continuing-education.html: 18 CE hours per calendar year (+9 for preceptors). The board counts calendar years; a 12-month cycle from earnedOn approximates it, and a holding with the board\'s expiresOn is exact (domain catalog NHA.renewalByStateExamples, confidence HIGH)',
  },
  {
    code: 'RCAL',
    state: 'ME',
    renewalMonths: 12,
    continuingEducationHours: 16,
    source:
      'Maine Health Care Association summary of the Maine licensing rule, https://www.mehca.org/blog_home.asp?Display=1897: 16 CE hours per year for residential care facility administrators (domain catalog RCAL.renewalByStateExamples; an association page)',
  },
];
