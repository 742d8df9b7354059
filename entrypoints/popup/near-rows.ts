/**
 * Which rows of the scrolling list are on screen or about to be (within one
 * list height above or below): only their codes are kept fresh. Rows register
 * as they mount; the observer starts once the list element exists.
 */
export class NearRows {
  /** Account ids of the rows near the visible part of the list. */
  readonly ids = new Set<string>();
  private observer: IntersectionObserver | null = null;
  private readonly waiting = new Set<Element>();

  /**
   * @param onChange the set of near rows changed
   * @param onNear a row came near (called before `onChange`)
   */
  constructor(private readonly onChange: () => void, private readonly onNear: (id: string) => void = () => undefined) {}

  /** The scrolling list; `null` when it unmounts. */
  setRoot(root: Element | null): void {
    this.observer?.disconnect();
    this.observer = null;
    if (!root) return;
    this.observer = new IntersectionObserver((entries) => this.update(entries), { root, rootMargin: '100% 0px' });
    for (const row of this.waiting) this.observer.observe(row);
    this.waiting.clear();
  }

  /** A row (an element with data-account-id) mounted; returns its clean-up for unmounting. */
  observe(row: HTMLElement): () => void {
    if (this.observer) this.observer.observe(row);
    else this.waiting.add(row);
    return () => {
      this.waiting.delete(row);
      this.observer?.unobserve(row);
      const id = row.dataset.accountId;
      if (id && this.ids.delete(id)) this.onChange();
    };
  }

  private update(entries: IntersectionObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset.accountId;
      if (!id) continue;
      if (entry.isIntersecting && !this.ids.has(id)) {
        this.ids.add(id);
        this.onNear(id);
        changed = true;
      } else if (!entry.isIntersecting && this.ids.delete(id)) {
        changed = true;
      }
    }
    if (changed) this.onChange();
  }
}
