import { containsWord, NOT_CODE_AUTOCOMPLETE, NOT_CODE_WORDS, STRONG_CODE_WORDS, WEAK_CODE_WORDS, wordText } from './code-words';

/*
 * Finding the one-time-code field of a page (docs/autofill.md "Finding the field").
 * Pure over the DOM it is given: no globals, so the unit tests run it over fixture
 * pages and the fill script over the real document.
 */

/** What the finder needs that only a rendering browser knows. */
export interface FinderEnv {
  /** The element is rendered, visible and has a size (the fill script: checkVisibility and the layout box). */
  isVisible(element: Element): boolean;
}

/** Where the code goes: one field, or the boxes of a split field in order (one character each). */
export interface CodeTarget {
  inputs: HTMLInputElement[];
  score: number;
  /** The focused element is this field, or one of its boxes. */
  focused: boolean;
}

export const SCORES = { oneTimeCode: 100, strongWord: 60, weakWord: 30, numeric: 10, codeLength: 15 } as const;
/** A split field has this many boxes. */
export const SPLIT_BOXES = { min: 4, max: 10 } as const;
/** At most this many elements are looked at in one document (with its shadow roots): bounded work on hostile pages. */
export const MAX_ELEMENTS = 20_000;

const TEXT_TYPES = new Set(['', 'text', 'tel', 'number', 'password']);

type Root = Document | ShadowRoot;

/** Every `<input>` of a document and its open shadow roots, in document order. */
export function inputsOf(root: Root, budget = { left: MAX_ELEMENTS }): HTMLInputElement[] {
  const found: HTMLInputElement[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (--budget.left < 0) break;
    if (element.tagName === 'INPUT') found.push(element as HTMLInputElement);
    if (element.shadowRoot) found.push(...inputsOf(element.shadowRoot, budget));
  }
  return found;
}

/** The texts that describe a field: its attributes, its labels, the elements naming it. */
function describingText(input: HTMLInputElement): string {
  const root = input.getRootNode() as Root;
  const parts = [input.name, input.id, input.placeholder, input.title, input.getAttribute('aria-label') ?? '', input.getAttribute('aria-describedby') ?? ''];
  for (const id of (input.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) parts.push(root.getElementById?.(id)?.textContent ?? '');
  const labels = new Set<Element>(Array.from(input.labels ?? []));
  const wrapping = input.closest('label');
  if (wrapping) labels.add(wrapping);
  if (input.id) for (const label of Array.from(root.querySelectorAll(`label[for="${CSS_escape(input.id)}"]`))) labels.add(label);
  for (const label of labels) parts.push(label.textContent ?? '');
  return wordText(parts.join(' ').slice(0, 2000));
}

/** `CSS.escape` for an id in an attribute selector (no CSS global in lib/). */
function CSS_escape(id: string): string {
  return id.replace(/["\\]/g, '\\$&');
}

/** A field's score as a code field; 0: not one. */
export function scoreField(input: HTMLInputElement, env: FinderEnv): number {
  if (!TEXT_TYPES.has((input.getAttribute('type') ?? '').toLowerCase())) return 0;
  if (input.disabled || input.readOnly || !env.isVisible(input)) return 0;
  const autocomplete = (input.getAttribute('autocomplete') ?? '').toLowerCase().trim();
  const tokens = autocomplete.split(/\s+/);
  const text = describingText(input);
  const oneTimeCode = tokens.includes('one-time-code');
  if (!oneTimeCode && tokens.some((token) => NOT_CODE_AUTOCOMPLETE.test(token))) return 0;
  if (!oneTimeCode && NOT_CODE_WORDS.some((word) => containsWord(text, word))) return 0;
  const strong = STRONG_CODE_WORDS.some((word) => containsWord(text, word));
  if (input.type === 'password' && !oneTimeCode && !strong) return 0;
  let score = oneTimeCode ? SCORES.oneTimeCode : strong ? SCORES.strongWord : WEAK_CODE_WORDS.some((word) => containsWord(text, word)) ? SCORES.weakWord : 0;
  if (input.inputMode === 'numeric' || input.getAttribute('inputmode') === 'numeric' || input.type === 'tel' || input.type === 'number') score += SCORES.numeric;
  if (input.maxLength >= SPLIT_BOXES.min && input.maxLength <= SPLIT_BOXES.max) score += SCORES.codeLength;
  return score;
}

/** A box of a split field: one character long, text-like, visible and writable, not something else. */
function isBox(input: HTMLInputElement, env: FinderEnv): boolean {
  if (input.maxLength !== 1) return false;
  if (!TEXT_TYPES.has((input.getAttribute('type') ?? '').toLowerCase()) || input.disabled || input.readOnly || !env.isVisible(input)) return false;
  const text = describingText(input);
  const tokens = (input.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
  if (!tokens.includes('one-time-code') && tokens.some((token) => NOT_CODE_AUTOCOMPLETE.test(token))) return false;
  return !NOT_CODE_WORDS.some((word) => containsWord(text, word));
}

/** The ancestor `levels` up (or the last one there is). */
function ancestor(element: Element, levels: number): Node | null {
  let node: Node | null = element;
  for (let i = 0; i < levels && node; i++) node = node.parentNode;
  return node;
}

/** Boxes next to each other in the document and under one container (at most 3 levels up) form one split field. */
function splitGroups(boxes: readonly HTMLInputElement[]): HTMLInputElement[][] {
  const groups: HTMLInputElement[][] = [];
  let run: HTMLInputElement[] = [];
  const sameContainer = (a: HTMLInputElement, b: HTMLInputElement) => [1, 2, 3].some((levels) => ancestor(a, levels) !== null && ancestor(a, levels) === ancestor(b, levels));
  for (const box of boxes) {
    const last = run.at(-1);
    if (last && !sameContainer(last, box)) {
      groups.push(run);
      run = [];
    }
    run.push(box);
  }
  if (run.length > 0) groups.push(run);
  return groups.filter((group) => group.length >= SPLIT_BOXES.min && group.length <= SPLIT_BOXES.max);
}

/** The element that has focus, through open shadow roots. */
export function deepActiveElement(document: Document): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Every code field target of the document, best first: single fields scoring
 * above 0 and split fields (4–10 one-character boxes together, scored as their
 * best box or at least the weak word's score, plus the code-length bonus). The
 * focused target, if any, is marked.
 */
export function findCodeTargets(document: Document, env: FinderEnv): CodeTarget[] {
  const inputs = inputsOf(document);
  const active = deepActiveElement(document);
  const boxes = inputs.filter((input) => isBox(input, env));
  const groups = splitGroups(boxes);
  const grouped = new Set(groups.flat());
  const targets: CodeTarget[] = [];
  for (const group of groups) {
    const best = Math.max(SCORES.weakWord, ...group.map((box) => scoreField(box, env)));
    targets.push({ inputs: group, score: best + SCORES.codeLength, focused: group.some((box) => box === active) });
  }
  for (const input of inputs) {
    if (grouped.has(input)) continue;
    const score = scoreField(input, env);
    if (score > 0) targets.push({ inputs: [input], score, focused: input === active });
  }
  return targets.sort((a, b) => Number(b.focused) - Number(a.focused) || b.score - a.score);
}

/** The field to fill: the focused one if it is a code field, else the best scoring at least `minScore`; `null`: none. */
export function findCodeTarget(document: Document, env: FinderEnv, minScore: number): CodeTarget | null {
  const [best] = findCodeTargets(document, env);
  if (!best) return null;
  return best.focused || best.score >= minScore ? best : null;
}
