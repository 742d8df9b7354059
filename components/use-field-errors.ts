import { useEffect, useId, useRef, useState } from 'react';
import { describedBy } from './field-error';

/** The error sentences of a form's fields, by field name (`name` attribute); a field not listed is fine. */
export type FieldMessages<F extends string> = Partial<Record<F, string>>;

/**
 * The page side of a form's validation (lib/forms/field-problems.ts is the pure
 * side). Every error shows at once, each next to its field, which is marked
 * `aria-invalid` and described by it; after `show`, the keyboard goes to the
 * first field in error in the form's order (opening a folded <details> around it);
 * a field's error goes away as soon as that field is changed.
 */
export function useFieldErrors<F extends string>() {
  const [errors, setErrors] = useState<FieldMessages<F>>({});
  const form = useRef<HTMLFormElement>(null);
  const focusFirst = useRef(false);
  const prefix = useId();
  const errorId = (field: F) => `${prefix}-${field}-error`;

  useEffect(() => {
    if (!focusFirst.current) return;
    focusFirst.current = false;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const details = first?.closest('details');
    if (details) details.open = true;
    first?.focus();
  }, [errors]);

  return {
    /** Give to the <form>: the first error is looked for inside it. */
    form,
    errors,
    /** Shows these errors (and only these), focusing the first. */
    show(next: FieldMessages<F>) {
      focusFirst.current = Object.values(next).some(Boolean);
      setErrors(next);
    },
    /** Forgets the error of `field` (it was changed). */
    clear(field: F) {
      setErrors((current) => {
        if (!(field in current)) return current;
        const { [field]: _gone, ...rest } = current;
        return rest as FieldMessages<F>;
      });
    },
    /** The attributes tying a field to its error; `also`: ids of help text the field is described by anyway. */
    field(field: F, also?: string) {
      const ids = [describedBy(errorId(field), errors[field]), also].filter(Boolean).join(' ');
      return { 'aria-invalid': Boolean(errors[field]), 'aria-describedby': ids || undefined };
    },
    /** The id of the message of `field` (for <FieldError id>). */
    errorId,
  };
}

/** What `useFieldErrors` gives a form. */
export type FieldErrors<F extends string> = ReturnType<typeof useFieldErrors<F>>;
