// Registers the shared enums with type-graphql once, under the contract's names.
import { registerEnumType } from 'type-graphql';
import {
  CareSetting,
  DegreeLevel,
  EmploymentType,
  PostingSort,
  PostingStatus,
  QualificationKind,
  RequirementKind,
} from '../enums.js';

let registered = false;

export function registerEnums(): void {
  if (registered) return;
  registered = true;
  registerEnumType(DegreeLevel, { name: 'DegreeLevel' });
  registerEnumType(QualificationKind, { name: 'QualificationKind' });
  registerEnumType(CareSetting, { name: 'CareSetting' });
  registerEnumType(EmploymentType, { name: 'EmploymentType' });
  registerEnumType(PostingStatus, { name: 'PostingStatus' });
  registerEnumType(RequirementKind, { name: 'RequirementKind' });
  registerEnumType(PostingSort, { name: 'PostingSort' });
}

registerEnums();
