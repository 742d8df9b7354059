/** The message under a form field, read out by screen readers when it appears. */
export function FieldError({ message }: { message: string | null }) {
  if (!message) return null;
  return <p className="error field-error" role="alert" data-testid="field-error">{message}</p>;
}
