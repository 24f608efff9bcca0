// Role families of medical and health services managers (O*NET 11-9111.00) and the
// credentials, education and skills that go with each (domain facts §1, §3, §5).
// A family drives both postings and candidates, so the two sides use one vocabulary
// and match each other often enough for demo data.
import { DegreeLevel } from '../src/shared/enums.js';
import { SKILLS as S } from './vocabulary.js';

export type RoleFamilyId =
  | 'executive' | 'nurseManager' | 'him' | 'coding' | 'revenueCycle' | 'patientAccess' | 'practice'
  | 'nursingHome' | 'assistedLiving' | 'homeHealth' | 'publicHealth' | 'behavioralHealth'
  | 'clinicOperations' | 'managedCare' | 'military' | 'pharmaceutical' | 'consulting';

/** With probability `chance`, one code of `anyOf` is asked for (a posting asks for CPC *or* CCS). */
export interface CredentialRule {
  anyOf: readonly string[];
  chance: number;
}

/** Weights for the minimum degree: [none, HS, associate, bachelor, master, doctorate]. */
export type DegreeWeights = readonly [number, number, number, number, number, number];

export interface RoleFamily {
  titles: readonly string[];
  /** Earlier career steps, for candidates' past positions. */
  juniorTitles: readonly string[];
  degreeWeights: DegreeWeights;
  /** Accepted fields of study a posting may list, and how often it lists any. */
  fieldOptions: readonly (readonly string[])[];
  fieldsChance: number;
  /** Fields of study candidates of this family hold. */
  candidateFields: readonly string[];
  /** Senior families shift the minimum years upward (see experience tables in posting-generator). */
  senior: boolean;
  /** Band of the national wage distribution (percentiles 0..1) the family's pay falls in. */
  payBand: readonly [number, number];
  required: readonly CredentialRule[];
  preferred: readonly CredentialRule[];
  skills: readonly string[];
  remoteChance: number;
  /** One clause for generated descriptions: "to ...". */
  duty: string;
}

// Degree weights per family are set so the posting mix over all settings lands near the
// O*NET "required level of education" for 11-9111.00 (facts §1): bachelor's 46%, master's
// 21%, associate's 11%, high school 4%, no degree (certificate / some college) 11%;
// tests/seeds checks the resulting share.
export const ROLE_FAMILIES: Readonly<Record<RoleFamilyId, RoleFamily>> = {
  executive: {
    titles: ['Hospital Administrator', 'Healthcare System Director', 'Vice President of Operations', 'Chief Operating Officer', 'Health Services Administrator', 'Cancer Center Director'],
    juniorTitles: ['Assistant Administrator', 'Director of Operations', 'Administrative Fellow', 'Service Line Manager'],
    degreeWeights: [0, 0, 0, 8, 84, 8],
    fieldOptions: [['Health Administration', 'Business Administration'], ['Health Administration', 'Public Health', 'Business Administration', 'Public Administration']],
    fieldsChance: 0.5,
    candidateFields: ['Health Administration', 'Business Administration', 'Public Health', 'Public Administration'],
    senior: true,
    payBand: [0.6, 0.99],
    required: [],
    preferred: [{ anyOf: ['FACHE'], chance: 0.75 }, { anyOf: ['CMPE'], chance: 0.1 }],
    skills: [S.strategy, S.finance, S.budgeting, S.jointCommission, S.performance, S.population, S.leadership],
    remoteChance: 0,
    duty: 'lead hospital operations, budgets and strategic plans across service lines',
  },
  nurseManager: {
    titles: ['Nurse Manager', 'Director of Nursing', 'Nursing Director', 'Clinical Director', 'Nurse Administrator', 'Licensed Health Center Manager', 'Clinical Manager'],
    juniorTitles: ['Staff Nurse', 'Charge Nurse', 'Nurse Supervisor', 'Assistant Nurse Manager'],
    degreeWeights: [0, 0, 22, 58, 20, 0],
    fieldOptions: [['Nursing']],
    fieldsChance: 0.85,
    candidateFields: ['Nursing'],
    senior: false,
    payBand: [0.35, 0.85],
    required: [{ anyOf: ['RN'], chance: 0.95 }],
    preferred: [{ anyOf: ['FACHE'], chance: 0.03 }],
    skills: [S.scheduling, S.quality, S.infection, S.careCoordination, S.jointCommission, S.patientExperience, S.ehr],
    remoteChance: 0,
    duty: 'lead nursing staff, staffing plans and quality of patient care on the unit',
  },
  him: {
    titles: ['Health Information Management Director', 'Health Information Manager', 'Medical Records Director', 'Medical Records Manager', 'Medical Records Administrator'],
    juniorTitles: ['Medical Records Supervisor', 'Health Information Technician', 'Release of Information Specialist'],
    degreeWeights: [0, 0, 20, 60, 20, 0],
    fieldOptions: [['Health Information Management'], ['Health Information Management', 'Health Informatics']],
    fieldsChance: 0.5,
    candidateFields: ['Health Information Management', 'Health Informatics'],
    senior: false,
    payBand: [0.3, 0.8],
    required: [{ anyOf: ['RHIA'], chance: 0.45 }],
    preferred: [{ anyOf: ['RHIA'], chance: 0.9 }, { anyOf: ['RHIT'], chance: 0.1 }, { anyOf: ['CCS'], chance: 0.15 }, { anyOf: ['HITCM-PP'], chance: 0.04 }],
    skills: [S.him, S.hipaa, S.ehr, S.cdi, S.icd10, S.compliance, S.analytics],
    remoteChance: 0.15,
    duty: 'run the health information department: record integrity, release of information and coding quality',
  },
  coding: {
    titles: ['Medical Coding Manager', 'Coding Compliance Auditor', 'Coding Manager', 'Coding Supervisor'],
    juniorTitles: ['Medical Coder', 'Coding Specialist', 'Billing Specialist'],
    degreeWeights: [12, 22, 38, 28, 0, 0],
    fieldOptions: [['Health Information Management', 'Health Information Technology']],
    fieldsChance: 0.2,
    candidateFields: ['Health Information Technology', 'Health Information Management', 'Medical Billing and Coding'],
    senior: false,
    payBand: [0.1, 0.55],
    required: [{ anyOf: ['CPC', 'CCS'], chance: 0.8 }],
    preferred: [{ anyOf: ['CPC', 'CCS'], chance: 0.4 }, { anyOf: ['CPMA'], chance: 0.3 }, { anyOf: ['RHIT', 'RHIA'], chance: 0.15 }, { anyOf: ['CCT'], chance: 0.05 }],
    skills: [S.icd10, S.cpt, S.cdi, S.billing, S.denials, S.compliance, S.hipaa],
    remoteChance: 0.25,
    duty: 'manage the coding team, audit coding accuracy and keep claims compliant',
  },
  revenueCycle: {
    titles: ['Revenue Cycle Manager', 'Patient Financial Services Manager', 'Business Office Manager', 'Patient Accounts Manager', 'Director of Revenue Cycle'],
    juniorTitles: ['Billing Specialist', 'Patient Accounts Representative', 'Revenue Cycle Analyst', 'Business Office Supervisor'],
    degreeWeights: [10, 8, 14, 56, 12, 0],
    fieldOptions: [['Business Administration', 'Finance', 'Health Administration'], ['Accounting', 'Finance']],
    fieldsChance: 0.3,
    candidateFields: ['Business Administration', 'Finance', 'Accounting', 'Health Administration'],
    senior: false,
    payBand: [0.25, 0.75],
    required: [{ anyOf: ['CRCR'], chance: 0.1 }],
    preferred: [{ anyOf: ['CRCR'], chance: 0.6 }, { anyOf: ['CHFP'], chance: 0.5 }, { anyOf: ['CRCE-I', 'CRCE-P', 'CRCP-I', 'CRCP-P'], chance: 0.25 }, { anyOf: ['CRCS-I', 'CRCS-P'], chance: 0.08 }],
    skills: [S.revenueCycle, S.receivables, S.denials, S.claims, S.billing, S.contracting, S.finance],
    remoteChance: 0.15,
    duty: 'own billing, collections and denial management from registration to final payment',
  },
  patientAccess: {
    titles: ['Patient Access Manager', 'Patient Access Director', 'Patient Care Coordinator'],
    juniorTitles: ['Patient Access Representative', 'Registration Supervisor', 'Scheduling Coordinator'],
    degreeWeights: [15, 25, 20, 40, 0, 0],
    fieldOptions: [['Business Administration', 'Health Administration']],
    fieldsChance: 0.15,
    candidateFields: ['Business Administration', 'Health Administration', 'Communications'],
    senior: false,
    payBand: [0.05, 0.5],
    required: [],
    preferred: [{ anyOf: ['CHAM'], chance: 0.7 }, { anyOf: ['CRCR'], chance: 0.3 }],
    skills: [S.patientAccess, S.patientExperience, S.scheduling, S.ehr, S.revenueCycle, S.training],
    remoteChance: 0.05,
    duty: 'lead registration, scheduling and insurance verification for every patient visit',
  },
  practice: {
    titles: ['Medical Office Manager', 'Practice Manager', 'Medical Practice Manager', 'Practice Administrator', 'Office Manager', 'Medical Office Administrator'],
    juniorTitles: ['Medical Office Coordinator', 'Front Office Supervisor', 'Medical Receptionist', 'Assistant Office Manager'],
    degreeWeights: [12, 8, 16, 52, 12, 0],
    fieldOptions: [['Health Administration', 'Business Administration']],
    fieldsChance: 0.3,
    candidateFields: ['Health Administration', 'Business Administration', 'Healthcare Management'],
    senior: false,
    payBand: [0.05, 0.6],
    required: [{ anyOf: ['CMPE'], chance: 0.04 }],
    preferred: [{ anyOf: ['CMM'], chance: 0.55 }, { anyOf: ['CMPE'], chance: 0.5 }, { anyOf: ['CPC'], chance: 0.12 }, { anyOf: ['HITCM-PP'], chance: 0.05 }],
    skills: [S.operations, S.billing, S.scheduling, S.credentialing, S.budgeting, S.hipaa, S.patientExperience],
    remoteChance: 0,
    duty: 'run the practice day to day: staff, schedules, billing and payer relations',
  },
  nursingHome: {
    titles: ['Nursing Home Administrator', 'Licensed Nursing Home Administrator', 'Long Term Care Administrator', 'Executive Director, Skilled Nursing Facility'],
    juniorTitles: ['Administrator in Training', 'Assistant Administrator', 'Director of Social Services'],
    degreeWeights: [0, 0, 5, 80, 15, 0],
    fieldOptions: [['Health Administration', 'Long-Term Care Administration', 'Business Administration']],
    fieldsChance: 0.3,
    candidateFields: ['Health Administration', 'Long-Term Care Administration', 'Business Administration'],
    senior: false,
    payBand: [0.35, 0.85],
    required: [{ anyOf: ['NHA'], chance: 1 }],
    preferred: [{ anyOf: ['CNHA'], chance: 0.3 }, { anyOf: ['HSE'], chance: 0.2 }],
    skills: [S.ltcRegulations, S.mds, S.census, S.cms, S.budgeting, S.infection, S.leadership],
    remoteChance: 0,
    duty: 'run a licensed skilled nursing facility in line with state and CMS rules',
  },
  assistedLiving: {
    titles: ['Assisted Living Administrator', 'Senior Housing Manager', 'Residential Care Administrator', 'Memory Care Director'],
    juniorTitles: ['Resident Services Coordinator', 'Assistant Executive Director', 'Activities Director'],
    degreeWeights: [10, 14, 14, 52, 10, 0],
    fieldOptions: [['Health Administration', 'Gerontology', 'Business Administration']],
    fieldsChance: 0.2,
    candidateFields: ['Gerontology', 'Health Administration', 'Business Administration'],
    senior: false,
    payBand: [0.15, 0.6],
    required: [{ anyOf: ['RCAL'], chance: 0.5 }],
    preferred: [{ anyOf: ['RCAL'], chance: 0.5 }, { anyOf: ['NHA'], chance: 0.15 }, { anyOf: ['HSE'], chance: 0.1 }],
    skills: [S.census, S.ltcRegulations, S.patientExperience, S.scheduling, S.budgeting, S.careCoordination],
    remoteChance: 0,
    duty: 'lead an assisted living community: residents, care staff, occupancy and state surveys',
  },
  homeHealth: {
    titles: ['Home Health Director', 'Hospice Administrator', 'Home Care Administrator', 'Director of Home Health Services'],
    juniorTitles: ['Home Health Nurse', 'Intake Coordinator', 'Clinical Supervisor'],
    degreeWeights: [0, 0, 15, 60, 25, 0],
    fieldOptions: [['Nursing'], ['Nursing', 'Health Administration']],
    fieldsChance: 0.4,
    candidateFields: ['Nursing', 'Health Administration'],
    senior: false,
    payBand: [0.3, 0.8],
    required: [{ anyOf: ['RN'], chance: 0.4 }],
    preferred: [{ anyOf: ['RN'], chance: 0.5 }, { anyOf: ['CMM'], chance: 0.08 }],
    skills: [S.careCoordination, S.cms, S.scheduling, S.caseManagement, S.compliance, S.telehealth],
    remoteChance: 0.03,
    duty: 'direct home health and hospice services, field staff and Medicare compliance',
  },
  publicHealth: {
    titles: ['Public Health Program Manager', 'Public Health Administrator', 'Public Health Director', 'Health and Social Service Manager'],
    juniorTitles: ['Public Health Analyst', 'Program Coordinator', 'Health Educator'],
    degreeWeights: [0, 0, 0, 50, 45, 5],
    fieldOptions: [['Public Health'], ['Public Health', 'Public Administration', 'Health Administration']],
    fieldsChance: 0.5,
    candidateFields: ['Public Health', 'Public Administration', 'Epidemiology'],
    senior: false,
    payBand: [0.2, 0.75],
    required: [],
    preferred: [],
    skills: [S.publicHealth, S.grants, S.outreach, S.policy, S.population, S.analytics],
    remoteChance: 0.05,
    duty: 'plan and run public health programmes, grants and community partnerships',
  },
  behavioralHealth: {
    titles: ['Mental Health Program Manager', 'Behavioral Health Program Manager', 'Social Services Director', 'Program Manager'],
    juniorTitles: ['Case Manager', 'Social Worker', 'Program Coordinator'],
    degreeWeights: [0, 0, 0, 45, 55, 0],
    fieldOptions: [['Social Work'], ['Social Work', 'Psychology', 'Counseling']],
    fieldsChance: 0.6,
    candidateFields: ['Social Work', 'Psychology', 'Counseling'],
    senior: false,
    payBand: [0.15, 0.65],
    required: [{ anyOf: ['LSW'], chance: 0.4 }],
    preferred: [{ anyOf: ['LSW'], chance: 0.5 }],
    skills: [S.caseManagement, S.careCoordination, S.grants, S.outreach, S.compliance, S.training],
    remoteChance: 0.05,
    duty: 'manage behavioural health programmes, clinicians and outcome reporting',
  },
  clinicOperations: {
    titles: ['Clinic Director', 'Outpatient Services Director', 'Healthcare Manager', 'Rehabilitation Director', 'Nutrition Services Manager', 'Clinical Services Director'],
    juniorTitles: ['Clinic Coordinator', 'Operations Supervisor', 'Assistant Clinic Manager'],
    degreeWeights: [6, 4, 10, 54, 24, 2],
    fieldOptions: [['Health Administration', 'Business Administration'], ['Health Administration', 'Nursing', 'Public Health']],
    fieldsChance: 0.3,
    candidateFields: ['Health Administration', 'Business Administration', 'Healthcare Management', 'Nursing'],
    senior: false,
    payBand: [0.25, 0.8],
    required: [{ anyOf: ['RN'], chance: 0.12 }],
    preferred: [{ anyOf: ['CMPE'], chance: 0.2 }, { anyOf: ['CMM'], chance: 0.1 }, { anyOf: ['FACHE'], chance: 0.05 }],
    skills: [S.operations, S.quality, S.patientExperience, S.budgeting, S.scheduling, S.performance, S.jointCommission],
    remoteChance: 0,
    duty: 'run outpatient clinic operations, staffing and patient flow',
  },
  managedCare: {
    titles: ['Utilization Management Manager', 'Provider Network Manager', 'Medical Management Director', 'Health Plan Operations Manager'],
    juniorTitles: ['Utilization Review Coordinator', 'Provider Relations Representative', 'Claims Analyst'],
    degreeWeights: [4, 0, 10, 60, 26, 0],
    fieldOptions: [['Health Administration', 'Business Administration', 'Nursing']],
    fieldsChance: 0.25,
    candidateFields: ['Health Administration', 'Business Administration', 'Nursing', 'Finance'],
    senior: false,
    payBand: [0.4, 0.9],
    required: [],
    preferred: [{ anyOf: ['CHFP'], chance: 0.3 }, { anyOf: ['CPC'], chance: 0.2 }, { anyOf: ['CCS'], chance: 0.1 }, { anyOf: ['RN'], chance: 0.15 }],
    skills: [S.utilization, S.contracting, S.claims, S.population, S.analytics, S.caseManagement],
    remoteChance: 0.3,
    duty: 'manage utilisation review, provider networks and plan operations',
  },
  military: {
    titles: ['Health Services Administrator (Medical Service Corps)', 'Patient Administration Officer', 'Medical Treatment Facility Administrator'],
    juniorTitles: ['Patient Administration Specialist', 'Medical Logistics Officer', 'Health Services Officer'],
    degreeWeights: [0, 0, 0, 60, 40, 0],
    fieldOptions: [['Health Administration', 'Business Administration']],
    fieldsChance: 0.3,
    candidateFields: ['Health Administration', 'Business Administration', 'Public Administration'],
    senior: false,
    payBand: [0.2, 0.65],
    required: [],
    preferred: [{ anyOf: ['CCS'], chance: 0.4 }, { anyOf: ['FACHE'], chance: 0.2 }, { anyOf: ['RHIA'], chance: 0.1 }],
    skills: [S.him, S.operations, S.leadership, S.compliance, S.credentialing, S.policy],
    remoteChance: 0,
    duty: 'administer patient services in a military treatment facility',
  },
  pharmaceutical: {
    titles: ['Clinical Operations Manager', 'Medical Affairs Operations Manager', 'Patient Services Program Manager'],
    juniorTitles: ['Clinical Research Coordinator', 'Project Coordinator', 'Operations Analyst'],
    degreeWeights: [0, 0, 0, 55, 40, 5],
    fieldOptions: [['Health Administration', 'Business Administration', 'Public Health']],
    fieldsChance: 0.3,
    candidateFields: ['Public Health', 'Business Administration', 'Health Administration'],
    senior: false,
    payBand: [0.5, 0.95],
    required: [],
    preferred: [{ anyOf: ['CHFP'], chance: 0.1 }],
    skills: [S.projects, S.vendors, S.compliance, S.analytics, S.budgeting, S.policy],
    remoteChance: 0.3,
    duty: 'run clinical and patient-services operations, vendors and budgets',
  },
  consulting: {
    titles: ['Healthcare Management Consultant', 'Revenue Cycle Consultant', 'Healthcare Operations Consultant'],
    juniorTitles: ['Healthcare Analyst', 'Associate Consultant', 'Revenue Cycle Analyst'],
    degreeWeights: [0, 0, 0, 50, 45, 5],
    fieldOptions: [['Health Administration', 'Business Administration']],
    fieldsChance: 0.3,
    candidateFields: ['Business Administration', 'Health Administration', 'Finance'],
    senior: false,
    payBand: [0.45, 0.95],
    required: [],
    preferred: [{ anyOf: ['CHFP'], chance: 0.3 }, { anyOf: ['CRCR'], chance: 0.3 }, { anyOf: ['CPC'], chance: 0.2 }, { anyOf: ['FACHE'], chance: 0.15 }, { anyOf: ['RHIA'], chance: 0.1 }],
    skills: [S.performance, S.revenueCycle, S.analytics, S.strategy, S.change, S.projects, S.finance],
    remoteChance: 0.35,
    duty: 'advise hospitals and medical groups on operations and revenue cycle performance',
  },
};

export const DEGREE_LEVELS_WITH_NONE: readonly (DegreeLevel | null)[] = [
  null, DegreeLevel.HIGH_SCHOOL, DegreeLevel.ASSOCIATE, DegreeLevel.BACHELOR, DegreeLevel.MASTER, DegreeLevel.DOCTORATE,
];
