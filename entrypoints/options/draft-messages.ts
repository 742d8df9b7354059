import { draftProblems, type LooseDraft } from '../../lib/otp/validate';
import type { AccountField } from '../../lib/otp/errors';
import { accountProblemMessage } from '../../components/failure-message';
import type { FieldMessages } from '../../components/use-field-errors';

/** A form number as typed: a number when it reads as one, else the text (the validator names what is wrong). */
export const asNumber = (text: string): number | string => (text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text));

/**
 * Every problem of an account draft, worded for its field — the same validation
 * the background applies (lib/otp/validate.ts), run before a round trip so all
 * errors show at once. `skip`: fields the form leaves unchanged when empty.
 */
export function draftMessages(draft: LooseDraft, skip: readonly AccountField[] = []): FieldMessages<AccountField> {
  const messages: FieldMessages<AccountField> = {};
  for (const error of draftProblems(draft)) {
    if (!skip.includes(error.field) && !messages[error.field]) messages[error.field] = accountProblemMessage(error.field, error.problem);
  }
  return messages;
}
