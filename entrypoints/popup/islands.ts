import { createElement, type ComponentProps, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { CreateVaultForm } from '../../components/create-vault-form';
import { UnlockForm } from '../../components/unlock-form';
import ScanPanel from './scan-panel';
import { ScanFoundBanner } from './scan-found-banner';

/*
 * The popup's React parts, one chunk loaded off its start path
 * (docs/popup-start-path.md): the first-run and unlock forms and QR capture.
 * The codes and this site's accounts with Fill are plain DOM.
 */

const ISLANDS = {
  createVault: CreateVaultForm,
  unlock: UnlockForm,
  scanFound: ScanFoundBanner,
  scanPanel: ScanPanel,
};

export type IslandName = keyof typeof ISLANDS;
export type IslandProps<N extends IslandName> = ComponentProps<(typeof ISLANDS)[N]>;

/** A React tree rendered into an element the popup owns. */
export interface Island<N extends IslandName> {
  /** Renders again with new props. */
  update(props: IslandProps<N>): void;
  unmount(): void;
}

/** Renders island `name` into `container` (which the popup keeps; the island only fills it). */
export function mountIsland<N extends IslandName>(container: Element, name: N, props: IslandProps<N>): Island<N> {
  const root = createRoot(container);
  // The table's entries differ in props; `name` ties these props to this one.
  const Component = ISLANDS[name] as unknown as ComponentType<object>;
  const update = (next: IslandProps<N>) => root.render(createElement(Component, next));
  update(props);
  return { update, unmount: () => root.unmount() };
}
