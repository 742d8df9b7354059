/*
 * The pure side of every form's validation (components/use-field-errors.ts is the
 * page side): each check answers a problem code or null, and a form gathers the
 * problems of all its fields at once — a person fixes them in one pass, not one per
 * submit. Codes, not sentences: the page words them in the user's language.
 */

/** What is wrong with each field of a form, by field name; a field not listed is fine. */
export type FieldProblems<F extends string, P extends string = string> = Partial<Record<F, P>>;

/** The problem every field to fill in can have. */
export type RequiredProblem = 'required';

/** What can be wrong with the confirmation of a new password. */
export type ConfirmProblem = RequiredProblem | 'differs';

/** A field that must not be left empty (spaces alone count as empty). */
export function required(value: string): RequiredProblem | null {
  return value.trim() === '' ? 'required' : null;
}

/**
 * The "Confirm password" field: typed, and equal to the new password character for
 * character (no trimming: the password is what was typed).
 */
export function confirmation(password: string, confirm: string): ConfirmProblem | null {
  if (confirm === '') return password === '' ? null : 'required';
  return confirm === password ? null : 'differs';
}

/**
 * Runs each field's check and keeps the problems, in the order the checks are
 * listed (the order the form shows its fields).
 */
export function gatherProblems<F extends string, P extends string>(checks: Partial<Record<F, () => P | null>>): FieldProblems<F, P> {
  const problems: FieldProblems<F, P> = {};
  for (const field of Object.keys(checks) as F[]) {
    const problem = checks[field]?.();
    if (problem) problems[field] = problem;
  }
  return problems;
}

/** True when no field has a problem. */
export const noProblems = (problems: FieldProblems<string>): boolean => Object.keys(problems).length === 0;
