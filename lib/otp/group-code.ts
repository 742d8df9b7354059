/**
 * Splits a code into groups for reading and typing: 6 → "123 456",
 * 7 → "123 4567", 8 → "1234 5678", 9 and 10 in three groups; shorter codes
 * (Steam's 5 characters) stay whole. Its own file: the popup needs it without
 * the code generator.
 */
export function groupCode(value: string): string {
  if (value.length < 6) return value;
  if (value.length >= 9) return `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}`;
  const head = Math.floor(value.length / 2);
  return `${value.slice(0, head)} ${value.slice(head)}`;
}
