import type { Island, IslandName, IslandProps } from './islands';

type Islands = typeof import('./islands');
let islands: Promise<Islands> | null = null;

/** Loads the popup's React chunk (islands.tsx), once; until something needs it, nothing of React loads. */
export function loadIslands(): Promise<Islands> {
  islands ??= import('./islands');
  return islands;
}

/**
 * An island placed into `container` as soon as React has loaded; props given
 * meanwhile are kept, and `placeholder` shows until then.
 */
export class LazyIsland<N extends IslandName> {
  private island: Island<N> | null = null;
  private gone = false;

  constructor(readonly container: HTMLElement, name: N, private props: IslandProps<N>, placeholder?: Node) {
    if (placeholder) container.append(placeholder);
    void loadIslands().then((module) => {
      if (this.gone) return;
      container.replaceChildren();
      this.island = module.mountIsland(container, name, this.props);
    });
  }

  update(props: IslandProps<N>): void {
    this.props = props;
    this.island?.update(props);
  }

  /** Unmounts the island and removes its container. */
  remove(): void {
    this.gone = true;
    this.island?.unmount();
    this.container.remove();
  }
}
