/**
 * The message under a form field, read out by screen readers when it appears. Give the
 * field `aria-describedby={id}` (see `describedBy`) so it is also read with the field.
 */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return <p className="error field-error" role="alert" id={id} data-testid="field-error">{message}</p>;
}

/** The aria-describedby of a field: its error's id while there is an error. */
export const describedBy = (id: string, message: string | null | undefined): string | undefined => (message ? id : undefined);

/** The message of `field` in a form using `useFieldErrors` (components/use-field-errors.ts). */
export function ErrorOf<F extends string>({ form, field }: { form: { errors: Partial<Record<F, string>>; errorId(field: F): string }; field: F }) {
  return <FieldError id={form.errorId(field)} message={form.errors[field]} />;
}
