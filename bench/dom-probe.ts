import type { Page } from 'puppeteer-core';

/**
 * Times a popup from outside, the same way for every extension: a script added
 * before the page's own code watches the DOM and notes when the first element
 * showing a code ("123 456" or "123456") appears, and when `expected` of them have.
 * Nothing in the measured popup marks itself.
 */
export async function installCodeProbe(page: Page, expected: number): Promise<void> {
  // Given as source text, not a function: tsx would wrap the function's inner
  // functions in its `__name` helper, which does not exist in the page.
  await page.evaluateOnNewDocument(`(${PROBE_SOURCE})(${String(expected)})`);
}

const PROBE_SOURCE = `function (count) {
  const CODE = /^\\d{3} ?\\d{3}$/;
  const probe = { firstMs: -1, allMs: -1, seen: 0 };
  globalThis.__codeProbe = probe;
  const counted = new WeakSet();
  const check = (node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.currentNode.nodeType === Node.TEXT_NODE ? walker.currentNode : walker.nextNode(); text; text = walker.nextNode()) {
      const owner = text.parentElement;
      if (!owner || counted.has(owner) || !CODE.test((text.nodeValue || '').trim())) continue;
      counted.add(owner);
      probe.seen += 1;
      if (probe.firstMs < 0) probe.firstMs = performance.now();
      if (probe.seen >= count && probe.allMs < 0) probe.allMs = performance.now();
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') check(record.target);
      for (const node of record.addedNodes) check(node);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}`;

/** Waits until the probe has seen every code; times are from the page's navigation start. */
export async function readCodeProbe(page: Page, timeoutMs = 30_000): Promise<{ firstMs: number; allMs: number }> {
  await page.waitForFunction(() => (globalThis as unknown as { __codeProbe?: { allMs: number } }).__codeProbe!.allMs >= 0, { timeout: timeoutMs });
  return page.evaluate(() => {
    const { firstMs, allMs } = (globalThis as unknown as { __codeProbe: { firstMs: number; allMs: number } }).__codeProbe;
    return { firstMs, allMs };
  });
}
