import type { BackgroundPorts } from '../core';
import { FillNotWiredError } from './errors';

/*
 * What filling needs from the browser beyond BackgroundPorts: the tab's URL, and
 * the fill script (fill-page.js) run on demand under activeTab. The background
 * entrypoint wires these (entrypoints/background/fill-ports.ts); tests pass fakes.
 */

/** What one frame's fill script answered when injected, with the frame id the browser reported. */
export interface InjectionAnswer {
  frameId: number;
  /** The script's completion value, unchecked. */
  result: unknown;
}

export interface FillPorts {
  /** The URL the browser reports for the tab's top document; `null` when hidden from us; `undefined`: no such tab. */
  tabUrl(tabId: number): Promise<string | null | undefined>;
  /**
   * Injects the fill script into every frame of the tab the browser lets activeTab
   * reach; each answers a description of its best field (no value crosses). Throws
   * FillPageRefusedError('not-scriptable') when the browser refuses the tab.
   */
  probe(tabId: number): Promise<InjectionAnswer[]>;
  /**
   * Tells the fill script in one frame to fill after `waitMs`: it waits in the page,
   * then asks for the digits itself (`hikae.fill-request`, answered by
   * routeFillRequest after the sender check) and writes them. Resolves to its report,
   * unchecked. Throws FillInterruptedError when the frame is gone.
   *
   * The page waits, not the background: Firefox suspends an event page whose event
   * handler runs longer than its idle timeout (timers do not keep it alive), which
   * would drop a shortcut's fill silently. The page's request wakes the background,
   * which answers from the pending fill in session storage.
   */
  write(tabId: number, frameId: number, waitMs: number): Promise<unknown>;
}

/** Background ports with filling wired in. */
export type FillCapablePorts = BackgroundPorts & { fill: FillPorts };

/** `ports` with filling wired in (the background entrypoint calls this once per start). */
export const withFillPorts = <P extends BackgroundPorts>(ports: P, fill: FillPorts): P & FillCapablePorts => Object.assign(ports, { fill });

/** The fill ports of `ports`; a build that did not wire them fails loudly. */
export function fillPortsOf(ports: BackgroundPorts): FillPorts {
  if (!('fill' in ports)) throw new FillNotWiredError();
  return (ports as FillCapablePorts).fill;
}
