/** The version tags of an existing item. */
export interface ItemTags {
  eTag: string;
  cTag: string;
}

/** Conditional request headers, each taken as ONE value. */
export interface Preconditions {
  ifMatch: string;
  ifNoneMatch: string;
}

/**
 * Evaluates `If-Match` / `If-None-Match` against the current item (`undefined` = no item).
 * A header value is compared whole, never split on commas: OneDrive eTags contain a comma
 * (`"{GUID},3"`), so splitting would break every real tag. Either the eTag or the cTag matches.
 * @returns true when the request may go on; false means 412 Precondition Failed.
 */
export function preconditionsHold(headers: Preconditions, current: ItemTags | undefined): boolean {
  const ifMatch = headers.ifMatch.trim();
  if (ifMatch) {
    if (!current) return false;
    if (ifMatch !== '*' && ifMatch !== current.eTag && ifMatch !== current.cTag) return false;
  }
  const ifNoneMatch = headers.ifNoneMatch.trim();
  if (ifNoneMatch && current) {
    if (ifNoneMatch === '*' || ifNoneMatch === current.eTag || ifNoneMatch === current.cTag) return false;
  }
  return true;
}
