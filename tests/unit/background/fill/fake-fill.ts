import type { FillReply } from '../../../../lib/autofill/fill-messages';
import { routeFillRequest, withFillPorts, type FillCapablePorts, type FillPorts } from '../../../../lib/background/fill';
import { FillInterruptedError, FillPageRefusedError } from '../../../../lib/background/fill';
import type { FakePorts } from '../fake-ports';
import { SELF } from '../harness';

/*
 * A tab in memory: its frames with their URLs and the field each one's fill script
 * finds. "Writing" runs the real request path (routeFillRequest) with the sender the
 * browser would stamp — the frame's URL at that moment — and records what the page
 * received.
 */

export interface FakeFrame {
  url: string;
  /** The probe's answer (score 0: no field). */
  score: number;
  focused?: boolean;
  boxes?: number;
  /** Navigates to this URL between the probe and the write (a swapped frame). */
  navigatesTo?: string;
}

export interface FakeFill extends FillPorts {
  tabs: Map<number, { url: string | null; frames: Map<number, FakeFrame> }>;
  /** The browser refuses script injection into these tabs. */
  refused: Set<number>;
  /** Everything any page received: `tab/frame: digits`. */
  received: string[];
  /** Total ms slept. */
  slept: number;
}

export function withFakeFill(ports: FakePorts): FakePorts & FillCapablePorts & { fake: FakeFill } {
  const fake: FakeFill = {
    tabs: new Map(),
    refused: new Set(),
    received: [],
    slept: 0,
    tabUrl: async (tabId) => fake.tabs.get(tabId)?.url,
    async probe(tabId) {
      if (fake.refused.has(tabId)) throw new FillPageRefusedError('not-scriptable', null);
      const tab = fake.tabs.get(tabId);
      return [...(tab?.frames ?? [])].map(([frameId, f]) => ({ frameId, result: { score: f.score, focused: f.focused ?? false, boxes: f.boxes ?? 1, url: f.url } }));
    },
    async write(tabId, frameId, waitMs) {
      // The page waits before it asks (FillPorts.write).
      fake.slept += waitMs;
      ports.advance(waitMs);
      const frame = fake.tabs.get(tabId)?.frames.get(frameId);
      if (!frame) throw new FillInterruptedError();
      if (frame.navigatesTo) frame.url = frame.navigatesTo;
      const reply: FillReply = await routeFillRequest({ id: SELF.id, url: frame.url, frameId, tab: { id: tabId } }, SELF, ports);
      if (!reply.ok) return { filled: false, boxes: 0, pressedEnter: false };
      fake.received.push(`${tabId}/${frameId}: ${reply.digits}`);
      return { filled: true, boxes: frame.boxes ?? 1, pressedEnter: reply.pressEnter };
    },
  };
  return Object.assign(withFillPorts(ports, fake), { fake });
}

/** A tab whose top page is `url`, with frame 0 = that page (`frames` adds the others). */
export function openTab(fake: FakeFill, tabId: number, url: string, top: Partial<FakeFrame> = {}, frames: Record<number, FakeFrame> = {}): void {
  fake.tabs.set(tabId, { url, frames: new Map([[0, { url, score: 100, ...top }], ...Object.entries(frames).map(([id, f]) => [Number(id), f] as const)]) });
}
