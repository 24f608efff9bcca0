// Collects every problem in one input so a client learns about all bad fields at once,
// then throws a single BAD_USER_INPUT naming them.
import { Types } from 'mongoose';
import { DomainError } from './errors.js';
import { US_STATE_CODES } from './enums.js';

export interface FieldProblem {
  field: string;
  problem: string;
}

export class InputProblemsError extends DomainError {
  constructor(public readonly problems: FieldProblem[]) {
    super('BAD_USER_INPUT', problems.map((p) => `${p.field}: ${p.problem}`).join('; '), problems[0]?.field);
  }
}

export class InputChecks {
  private readonly problems: FieldProblem[] = [];

  add(field: string, problem: string): this {
    this.problems.push({ field, problem });
    return this;
  }

  /** Records `problem` for `field` unless `ok`. */
  require(ok: boolean, field: string, problem: string): this {
    if (!ok) this.add(field, problem);
    return this;
  }

  /** The problems recorded so far (a copy). */
  all(): FieldProblem[] {
    return [...this.problems];
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new InputProblemsError([...this.problems]);
  }
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function isUsState(value: string): boolean {
  return US_STATE_CODES.has(value);
}

export function isObjectId(value: string): boolean {
  return /^[0-9a-fA-F]{24}$/.test(value) && Types.ObjectId.isValid(value);
}

/** Parses a client id or throws BAD_USER_INPUT naming the argument. */
export function parseId(value: string, field: string): Types.ObjectId {
  if (!isObjectId(value)) throw new InputProblemsError([{ field, problem: 'is not a valid id' }]);
  return new Types.ObjectId(value);
}
