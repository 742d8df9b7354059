import type { AccountDraft } from '../otp/account';
import { InvalidAccountError } from '../otp/errors';
import { validateDraft, type LooseDraft } from '../otp/validate';
import { IMPORT_LIMITS } from './limits';
import { ImportLimitError } from './errors';
import type { ImportWarning, SkipReason, SkippedEntry } from './result';

/**
 * A problem with one entry that is not a field of the account model (an unknown OTP
 * type, an item in the trash, a value of the wrong JSON type). Thrown inside an entry
 * and turned into a `skipped` entry; it never leaves the importer.
 */
export class EntryProblem extends Error {
  override readonly name = 'EntryProblem';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** "Issuer: name", or whichever of the two is known, or the fallback ("entry 3"). */
export function entryLabel(issuer: unknown, name: unknown, fallback: string): string {
  const i = typeof issuer === 'string' ? issuer.trim().slice(0, 80) : '';
  const n = typeof name === 'string' ? name.trim().slice(0, 80) : '';
  if (i && n) return `${i}: ${n}`;
  return i || n || fallback;
}

/** The parsed content of a file before it becomes an ImportResult. */
export interface ParsedEntries {
  accounts: AccountDraft[];
  skipped: SkippedEntry[];
  warnings: ImportWarning[];
}

/**
 * Gathers a file's entries: each is validated with `validateDraft`; an invalid
 * one becomes `skipped` with the field and problem as its code, so one bad entry
 * never sinks the file. Entry indexes are assigned in call order.
 */
export class EntryCollector {
  private readonly accounts: AccountDraft[] = [];
  private readonly skipped: SkippedEntry[] = [];
  private readonly warnings: ImportWarning[] = [];
  private nextIndex = 0;

  /**
   * Adds one entry. `build` returns the loose draft; it may throw InvalidAccountError
   * or EntryProblem, which skip this entry only. Other exceptions are bugs and propagate.
   * @param label what the user recognises the entry by (see {@link entryLabel})
   */
  add(label: string, build: () => LooseDraft): void {
    const index = this.nextIndex++;
    if (index >= IMPORT_LIMITS.maxEntries) {
      throw new ImportLimitError(`The file has more than ${IMPORT_LIMITS.maxEntries} entries.`);
    }
    try {
      this.accounts.push(validateDraft(build()));
    } catch (error) {
      const reason = skipReason(error);
      if (reason === undefined) throw error;
      this.skipped.push({ index, label, reason });
    }
  }

  /** Records an entry that is not imported for a known reason (e.g. in the trash). */
  skip(label: string, reason: SkipReason): void {
    this.add(label, () => {
      throw new EntryProblem(reason.code, reason.message);
    });
  }

  /** Adds an already-validated draft (e.g. from a nested migration payload). */
  addDraft(draft: AccountDraft): void {
    this.add('', () => draft);
  }

  warn(warning: ImportWarning): void {
    this.warnings.push(warning);
  }

  result(): ParsedEntries {
    return { accounts: this.accounts, skipped: this.skipped, warnings: this.warnings };
  }
}

function skipReason(error: unknown): SkipReason | undefined {
  if (error instanceof InvalidAccountError) return { code: `${error.field}/${error.problem}`, message: error.message };
  if (error instanceof EntryProblem) return { code: error.code, message: error.message };
  return undefined;
}
