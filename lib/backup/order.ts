/**
 * Merges two orders of ids (docs/backup-format.md, merge rule 6): `base` gives
 * the order; every id of `other` not in it is placed right after its nearest
 * preceding neighbour in `other` that is already placed, else right before its
 * nearest following one, else at the end. Only ids in `keep` appear.
 */
export function mergeOrder(base: readonly string[], other: readonly string[], keep: ReadonlySet<string>): string[] {
  const result = base.filter((id) => keep.has(id));
  const placed = new Set(result);
  other.forEach((id, index) => {
    if (placed.has(id) || !keep.has(id)) return;
    let at = -1;
    for (let i = index - 1; i >= 0 && at < 0; i--) {
      const before = other[i] as string;
      if (placed.has(before)) at = result.indexOf(before) + 1;
    }
    for (let i = index + 1; i < other.length && at < 0; i++) {
      const after = other[i] as string;
      if (placed.has(after)) at = result.indexOf(after);
    }
    if (at < 0) at = result.length;
    result.splice(at, 0, id);
    placed.add(id);
  });
  return result;
}
