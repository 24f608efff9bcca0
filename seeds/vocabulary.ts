// Word lists for realistic seed data. Plain tables, kept apart from the generator logic.

/** US cities with their two-letter state codes; weight 3 for the largest health markets. */
export const CITIES: readonly (readonly [city: string, state: string, weight: number])[] = [
  ['New York', 'NY', 3], ['Los Angeles', 'CA', 3], ['Chicago', 'IL', 3], ['Houston', 'TX', 3],
  ['Phoenix', 'AZ', 2], ['Philadelphia', 'PA', 3], ['San Antonio', 'TX', 2], ['San Diego', 'CA', 2],
  ['Dallas', 'TX', 3], ['Jacksonville', 'FL', 1], ['Columbus', 'OH', 2], ['Charlotte', 'NC', 2],
  ['Indianapolis', 'IN', 1], ['Seattle', 'WA', 2], ['Denver', 'CO', 2], ['Washington', 'DC', 2],
  ['Boston', 'MA', 3], ['Nashville', 'TN', 2], ['Detroit', 'MI', 2], ['Portland', 'OR', 1],
  ['Memphis', 'TN', 1], ['Louisville', 'KY', 1], ['Baltimore', 'MD', 2], ['Milwaukee', 'WI', 1],
  ['Albuquerque', 'NM', 1], ['Sacramento', 'CA', 1], ['Kansas City', 'MO', 1], ['Atlanta', 'GA', 3],
  ['Omaha', 'NE', 1], ['Raleigh', 'NC', 1], ['Miami', 'FL', 3], ['Minneapolis', 'MN', 2],
  ['Tulsa', 'OK', 1], ['New Orleans', 'LA', 1], ['Cleveland', 'OH', 2], ['Tampa', 'FL', 2],
  ['Pittsburgh', 'PA', 2], ['Cincinnati', 'OH', 1], ['St. Louis', 'MO', 2], ['Salt Lake City', 'UT', 1],
  ['Richmond', 'VA', 1], ['Birmingham', 'AL', 1], ['Baton Rouge', 'LA', 1], ['Des Moines', 'IA', 1],
  ['Boise', 'ID', 1], ['Portland', 'ME', 1], ['Burlington', 'VT', 1], ['Cheyenne', 'WY', 1],
  ['Anchorage', 'AK', 1], ['Honolulu', 'HI', 1], ['Little Rock', 'AR', 1], ['Jackson', 'MS', 1],
  ['Providence', 'RI', 1], ['Hartford', 'CT', 1], ['Charleston', 'SC', 1], ['Rochester', 'MN', 1],
  ['Madison', 'WI', 1], ['Manchester', 'NH', 1], ['San Juan', 'PR', 1], ['Billings', 'MT', 1],
  ['Fargo', 'ND', 1], ['Sioux Falls', 'SD', 1], ['Wilmington', 'DE', 1], ['Newark', 'NJ', 2],
  ['Las Vegas', 'NV', 1], ['Charleston', 'WV', 1], ['Wichita', 'KS', 1],
];

/** Names of the states in CITIES, for public-agency employer names. */
export const STATE_NAMES: Readonly<Record<string, string>> = {
  NY: 'New York', CA: 'California', IL: 'Illinois', TX: 'Texas', AZ: 'Arizona', PA: 'Pennsylvania',
  FL: 'Florida', OH: 'Ohio', NC: 'North Carolina', IN: 'Indiana', WA: 'Washington', CO: 'Colorado',
  DC: 'District of Columbia', MA: 'Massachusetts', TN: 'Tennessee', MI: 'Michigan', OR: 'Oregon',
  KY: 'Kentucky', MD: 'Maryland', WI: 'Wisconsin', NM: 'New Mexico', MO: 'Missouri', GA: 'Georgia',
  NE: 'Nebraska', MN: 'Minnesota', OK: 'Oklahoma', LA: 'Louisiana', UT: 'Utah', VA: 'Virginia',
  AL: 'Alabama', IA: 'Iowa', ID: 'Idaho', ME: 'Maine', VT: 'Vermont', WY: 'Wyoming', AK: 'Alaska',
  HI: 'Hawaii', AR: 'Arkansas', MS: 'Mississippi', RI: 'Rhode Island', CT: 'Connecticut',
  SC: 'South Carolina', NH: 'New Hampshire', PR: 'Puerto Rico', MT: 'Montana', ND: 'North Dakota',
  SD: 'South Dakota', DE: 'Delaware', NJ: 'New Jersey', NV: 'Nevada', WV: 'West Virginia', KS: 'Kansas',
};

export const FIRST_NAMES: readonly string[] = [
  'Aisha', 'Alejandro', 'Amara', 'Andrew', 'Angela', 'Anh', 'Benjamin', 'Brianna', 'Carlos', 'Chen',
  'Chloe', 'Daniel', 'Deborah', 'Dmitri', 'Elena', 'Emily', 'Fatima', 'Gabriel', 'Grace', 'Hannah',
  'Hiroshi', 'Imani', 'Isabel', 'Jamal', 'James', 'Jasmine', 'Jennifer', 'Jose', 'Kavita', 'Keisha',
  'Kevin', 'Laura', 'Lucia', 'Malik', 'Maria', 'Marcus', 'Megan', 'Michael', 'Mei', 'Nadia',
  'Nathan', 'Nicole', 'Olivia', 'Omar', 'Patricia', 'Priya', 'Rachel', 'Rafael', 'Robert', 'Samuel',
  'Sarah', 'Sofia', 'Stephanie', 'Tamika', 'Thomas', 'Tyrone', 'Valerie', 'Victor', 'Wei', 'Yolanda',
];

export const LAST_NAMES: readonly string[] = [
  'Adams', 'Ahmed', 'Alvarez', 'Anderson', 'Baker', 'Banerjee', 'Brooks', 'Brown', 'Campbell', 'Castillo',
  'Chen', 'Clark', 'Coleman', 'Davis', 'Diaz', 'Edwards', 'Evans', 'Garcia', 'Gonzalez', 'Green',
  'Hall', 'Harris', 'Hernandez', 'Jackson', 'Johnson', 'Kim', 'Kowalski', 'Lee', 'Lewis', 'Lopez',
  'Martin', 'Martinez', 'Mitchell', "O'Brien", 'Nguyen', 'Okafor', 'Patel', 'Perez', 'Phillips', 'Ramirez',
  'Reed', 'Robinson', 'Rodriguez', 'Sanchez', 'Scott', 'Shah', 'Singh', 'Smith', 'Sullivan', 'Taylor',
  'Thomas', 'Thompson', 'Tran', 'Turner', 'Walker', 'Washington', 'White', 'Williams', 'Wright', 'Young',
];

/** Place-like words for employer names that do not use the city. */
export const PLACE_WORDS: readonly string[] = [
  'Riverside', 'Lakeview', 'Valley', 'Summit', 'Harbor', 'Northside', 'Eastside', 'Westbrook', 'Fairview',
  'Highland', 'Meadowbrook', 'Pinecrest', 'Brookside', 'Cedar Ridge', 'Mountain View', 'Bayfront',
];

export const TREE_WORDS: readonly string[] = [
  'Oak', 'Maple', 'Willow', 'Cedar', 'Magnolia', 'Birch', 'Aspen', 'Sycamore', 'Juniper', 'Evergreen',
];

export const SAINT_NAMES: readonly string[] = [
  "St. Luke's", "St. Mary's", "St. Joseph's", 'St. Francis', "St. Vincent's", 'Good Samaritan', 'Mercy',
];

export const UNIVERSITIES: readonly string[] = [
  'University of Michigan', 'Johns Hopkins University', 'University of North Carolina at Chapel Hill',
  'University of Minnesota', 'Rush University', 'Ohio State University', 'University of Alabama at Birmingham',
  'Texas State University', 'George Washington University', 'University of Washington', 'Arizona State University',
  'Penn State University', 'Florida International University', 'University of Central Florida',
  'Saint Louis University', 'Virginia Commonwealth University', 'University of Iowa', 'Temple University',
  'Indiana University', 'Boston University', 'Western Governors University', 'Southern New Hampshire University',
];

export const COMMUNITY_COLLEGES: readonly string[] = [
  'Houston Community College', 'Miami Dade College', 'Valencia College', 'Community College of Philadelphia',
  'Santa Monica College', 'Portland Community College', 'Ivy Tech Community College', 'Salt Lake Community College',
];

export const HIGH_SCHOOLS: readonly string[] = [
  'Lincoln High School', 'Roosevelt High School', 'Washington High School', 'Jefferson High School',
  'Kennedy High School', 'Central High School',
];

/** Healthcare-management skills; postings and candidates draw from this one list so they overlap. */
export const SKILLS = {
  revenueCycle: 'revenue cycle',
  budgeting: 'budgeting',
  hipaa: 'HIPAA compliance',
  ehr: 'EHR',
  epic: 'Epic',
  scheduling: 'staff scheduling',
  quality: 'quality improvement',
  icd10: 'ICD-10 coding',
  cpt: 'CPT coding',
  billing: 'medical billing',
  claims: 'claims management',
  denials: 'denial management',
  receivables: 'accounts receivable',
  patientAccess: 'patient access',
  patientExperience: 'patient experience',
  compliance: 'regulatory compliance',
  jointCommission: 'Joint Commission accreditation',
  cms: 'CMS regulations',
  strategy: 'strategic planning',
  finance: 'financial analysis',
  leadership: 'team leadership',
  training: 'staff training',
  performance: 'performance improvement',
  risk: 'risk management',
  infection: 'infection control',
  careCoordination: 'care coordination',
  utilization: 'utilization review',
  him: 'health information management',
  analytics: 'data analytics',
  cdi: 'clinical documentation improvement',
  credentialing: 'credentialing',
  contracting: 'payer contracting',
  vendors: 'vendor management',
  projects: 'project management',
  operations: 'operations management',
  ltcRegulations: 'long-term care regulations',
  mds: 'MDS coordination',
  census: 'census management',
  publicHealth: 'public health programs',
  grants: 'grant management',
  outreach: 'community outreach',
  change: 'change management',
  population: 'population health',
  telehealth: 'telehealth',
  caseManagement: 'case management',
  policy: 'policy development',
} as const;

export const ALL_SKILLS: readonly string[] = Object.values(SKILLS);

/** Skills any management role may list, added on top of a role's own. */
export const GENERAL_SKILLS: readonly string[] = [
  SKILLS.budgeting, SKILLS.leadership, SKILLS.training, SKILLS.scheduling, SKILLS.projects, SKILLS.change,
  SKILLS.strategy, SKILLS.analytics, SKILLS.hipaa, SKILLS.ehr, SKILLS.quality, SKILLS.operations,
];
