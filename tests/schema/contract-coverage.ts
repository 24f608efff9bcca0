// Lists every way the emitted schema falls short of the contract: a missing type, field,
// argument, enum value or input field, or one whose type or default differs.
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';

function sameDefault(a: GraphQLArgument | GraphQLInputField, b: GraphQLArgument | GraphQLInputField): boolean {
  return JSON.stringify(a.defaultValue ?? null) === JSON.stringify(b.defaultValue ?? null);
}

export function contractGaps(contractSdl: string, actual: GraphQLSchema): string[] {
  const contract = buildSchema(contractSdl);
  const gaps: string[] = [];
  for (const expected of Object.values(contract.getTypeMap())) {
    if (expected.name.startsWith('__')) continue;
    const got = actual.getType(expected.name);
    if (!got) {
      gaps.push(`missing type ${expected.name}`);
      continue;
    }
    if (isScalarType(expected)) continue;
    if (isEnumType(expected)) {
      if (!isEnumType(got)) gaps.push(`${expected.name} is not an enum`);
      else for (const v of expected.getValues()) if (!got.getValue(v.name)) gaps.push(`enum ${expected.name} lacks ${v.name}`);
    } else if (isObjectType(expected)) {
      if (!isObjectType(got)) {
        gaps.push(`${expected.name} is not an object type`);
        continue;
      }
      for (const f of Object.values(expected.getFields())) {
        const g = got.getFields()[f.name];
        if (!g) gaps.push(`missing field ${expected.name}.${f.name}`);
        else {
          if (String(g.type) !== String(f.type)) gaps.push(`${expected.name}.${f.name}: ${g.type} instead of ${f.type}`);
          for (const a of f.args) {
            const ga = g.args.find((x) => x.name === a.name);
            if (!ga) gaps.push(`missing argument ${expected.name}.${f.name}(${a.name})`);
            else if (String(ga.type) !== String(a.type)) gaps.push(`${expected.name}.${f.name}(${a.name}): ${ga.type} instead of ${a.type}`);
            else if (!sameDefault(ga, a)) gaps.push(`${expected.name}.${f.name}(${a.name}) default differs`);
          }
          for (const ga of g.args) {
            if (!f.args.some((a) => a.name === ga.name) && String(ga.type).endsWith('!') && ga.defaultValue === undefined) {
              gaps.push(`${expected.name}.${f.name} adds required argument ${ga.name}`);
            }
          }
        }
      }
    } else if (isInputObjectType(expected)) {
      if (!isInputObjectType(got)) {
        gaps.push(`${expected.name} is not an input type`);
        continue;
      }
      for (const f of Object.values(expected.getFields())) {
        const g = got.getFields()[f.name];
        if (!g) gaps.push(`missing input field ${expected.name}.${f.name}`);
        else if (String(g.type) !== String(f.type)) gaps.push(`${expected.name}.${f.name}: ${g.type} instead of ${f.type}`);
        else if (!sameDefault(g, f)) gaps.push(`${expected.name}.${f.name} default differs`);
      }
      for (const g of Object.values(got.getFields())) {
        if (!expected.getFields()[g.name] && String(g.type).endsWith('!') && g.defaultValue === undefined) {
          gaps.push(`${expected.name} adds required input field ${g.name}`);
        }
      }
    }
  }
  return gaps;
}
