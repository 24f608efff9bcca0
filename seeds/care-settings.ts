// Per-setting tables: how common each employer type is, which roles it hires, how it pays.
import { CareSetting as C } from '../src/shared/enums.js';
import type { RoleFamilyId } from './role-families.js';

/**
 * Employer shares. Sourced (BLS OOH, 2021 data, facts §2/§4): hospitals 30%, offices of
 * physicians 12% (split here between solo offices and group practices), nursing and
 * residential care 9%, government 8%, outpatient care centers 7%; home health from OEWS
 * 2019 employment (21k of 481k, ~4.4%). The remaining types have no published share; the
 * small weights below are our assumption, kept in the order the domain team gave.
 */
export const EMPLOYER_SHARES: readonly (readonly [C, number])[] = [
  [C.HOSPITAL, 30],
  [C.PHYSICIAN_OFFICE, 7],
  [C.GROUP_PRACTICE, 5],
  [C.NURSING_HOME, 6],
  [C.RESIDENTIAL_CARE, 3],
  [C.GOVERNMENT_AGENCY, 8],
  [C.OUTPATIENT_CENTER, 7],
  [C.HOME_HEALTH, 4.4],
  [C.INSURANCE_CARRIER, 2.5],
  [C.HEALTH_MAINTENANCE_ORGANIZATION, 1.5],
  [C.CONSULTING, 1.5],
  [C.ARMED_FORCES, 1],
  [C.PHARMACEUTICAL, 1],
  [C.OTHER, 3],
];

/**
 * Pay level by setting: OEWS May 2019 annual mean wage of the industry divided by the
 * national mean $115,160 (facts §2) where published; 1.0 ± a little elsewhere (assumption).
 */
export const SETTING_PAY_FACTOR: Readonly<Record<C, number>> = {
  [C.HOSPITAL]: 124_180 / 115_160,
  [C.PHYSICIAN_OFFICE]: 108_750 / 115_160,
  [C.GROUP_PRACTICE]: 108_750 / 115_160,
  [C.OUTPATIENT_CENTER]: 110_530 / 115_160,
  [C.NURSING_HOME]: 97_300 / 115_160,
  [C.RESIDENTIAL_CARE]: 97_300 / 115_160,
  [C.HOME_HEALTH]: 97_560 / 115_160,
  [C.GOVERNMENT_AGENCY]: 1,
  [C.INSURANCE_CARRIER]: 1.05,
  [C.HEALTH_MAINTENANCE_ORGANIZATION]: 1.05,
  [C.ARMED_FORCES]: 0.95,
  [C.PHARMACEUTICAL]: 1.1,
  [C.CONSULTING]: 1.05,
  [C.OTHER]: 0.95,
};

type FamilyWeights = readonly (readonly [RoleFamilyId, number])[];

/** Which roles each kind of employer posts (role → credential table, facts §5; assumption for weights). */
export const FAMILIES_BY_SETTING: Readonly<Record<C, FamilyWeights>> = {
  [C.HOSPITAL]: [['executive', 10], ['nurseManager', 20], ['him', 10], ['coding', 8], ['revenueCycle', 12], ['patientAccess', 6], ['clinicOperations', 14], ['behavioralHealth', 4], ['practice', 2]],
  [C.PHYSICIAN_OFFICE]: [['practice', 55], ['coding', 12], ['revenueCycle', 15], ['nurseManager', 8], ['patientAccess', 5], ['clinicOperations', 5]],
  [C.GROUP_PRACTICE]: [['practice', 40], ['executive', 8], ['coding', 12], ['revenueCycle', 15], ['nurseManager', 8], ['clinicOperations', 10], ['patientAccess', 7]],
  [C.OUTPATIENT_CENTER]: [['clinicOperations', 35], ['nurseManager', 20], ['practice', 15], ['revenueCycle', 10], ['coding', 5], ['behavioralHealth', 10], ['patientAccess', 5]],
  [C.NURSING_HOME]: [['nursingHome', 60], ['nurseManager', 25], ['revenueCycle', 5], ['clinicOperations', 10]],
  [C.RESIDENTIAL_CARE]: [['assistedLiving', 65], ['nurseManager', 15], ['clinicOperations', 10], ['behavioralHealth', 10]],
  [C.HOME_HEALTH]: [['homeHealth', 55], ['nurseManager', 25], ['revenueCycle', 10], ['coding', 10]],
  [C.GOVERNMENT_AGENCY]: [['publicHealth', 55], ['behavioralHealth', 15], ['clinicOperations', 10], ['him', 10], ['executive', 10]],
  [C.INSURANCE_CARRIER]: [['managedCare', 55], ['coding', 15], ['revenueCycle', 15], ['nurseManager', 5], ['clinicOperations', 10]],
  [C.HEALTH_MAINTENANCE_ORGANIZATION]: [['managedCare', 55], ['nurseManager', 15], ['coding', 10], ['executive', 10], ['revenueCycle', 10]],
  [C.ARMED_FORCES]: [['military', 60], ['him', 15], ['nurseManager', 15], ['executive', 10]],
  [C.PHARMACEUTICAL]: [['pharmaceutical', 80], ['executive', 10], ['managedCare', 10]],
  [C.CONSULTING]: [['consulting', 70], ['revenueCycle', 15], ['coding', 15]],
  [C.OTHER]: [['clinicOperations', 30], ['behavioralHealth', 25], ['practice', 20], ['publicHealth', 10], ['him', 15]],
};

/**
 * Employer name patterns. Placeholders: {city}, {state} (state name), {place}, {tree},
 * {saint}, {surname}, {surname2}.
 */
export const EMPLOYER_NAME_PATTERNS: Readonly<Record<C, readonly string[]>> = {
  [C.HOSPITAL]: ['{city} General Hospital', '{saint} Medical Center', '{place} Regional Medical Center', '{city} Memorial Hospital', '{saint} Hospital of {city}', '{place} Community Hospital'],
  [C.PHYSICIAN_OFFICE]: ['{surname} Family Medicine', '{place} Pediatrics', '{surname} & {surname2} Internal Medicine', '{city} Women\'s Health', '{place} Dermatology'],
  [C.GROUP_PRACTICE]: ['{city} Medical Group', '{place} Physicians Group', '{place} Orthopedic Associates', '{city} Cardiology Associates', '{surname} Multispecialty Group'],
  [C.OUTPATIENT_CENTER]: ['{city} Community Health Center', '{place} Ambulatory Surgery Center', '{place} Urgent Care', '{city} Family Planning Clinic', '{place} Dialysis Center', '{place} Imaging Center'],
  [C.NURSING_HOME]: ['{place} Rehabilitation and Nursing Center', '{tree} Skilled Nursing', '{city} Care Center', '{tree} Health and Rehabilitation'],
  [C.RESIDENTIAL_CARE]: ['{tree} Assisted Living', '{place} Senior Living', '{tree} Memory Care', '{place} Retirement Community'],
  [C.HOME_HEALTH]: ['{city} Home Health', '{place} Hospice', '{tree} Home Care', '{place} Visiting Nurse Association'],
  [C.GOVERNMENT_AGENCY]: ['{state} Department of Public Health', '{city} Health Department', 'VA {city} Healthcare System', '{state} Department of Health Services'],
  [C.INSURANCE_CARRIER]: ['{tree} Health Insurance Company', '{place} Mutual Health', '{state} Health Assurance'],
  [C.HEALTH_MAINTENANCE_ORGANIZATION]: ['{place} Health Plan', '{tree} Health HMO', '{city} Community Health Plan'],
  [C.ARMED_FORCES]: ['{city} Army Medical Center', 'Naval Hospital {city}', '{city} Air Force Base Medical Group'],
  [C.PHARMACEUTICAL]: ['{surname} Pharmaceuticals', '{tree} Therapeutics', '{place} Biosciences'],
  [C.CONSULTING]: ['{surname} Healthcare Advisors', '{surname} & {surname2} Health Consulting', '{place} Health Strategies'],
  [C.OTHER]: ['{city} University Health Services', '{tree} Telehealth', '{place} Behavioral Health Programs', '{place} Rehabilitation Institute'],
};
