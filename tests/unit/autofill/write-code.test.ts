import { describe, expect, it } from 'vitest';
import { pressEnter, writeCode } from '../../../lib/autofill/write-code';
import { pageOf } from '../support/dom-page';

/*
 * Writing a code as typing would: the page's listeners see each value in `input`
 * and `change` events (what React, Vue and Angular bindings listen to), split
 * boxes get one character each, and Enter submits only when asked and not cancelled.
 */

function inputsAndLog(html: string) {
  const document = pageOf(html);
  const log: string[] = [];
  for (const type of ['input', 'change']) document.addEventListener(type, (event) => log.push(`${type} ${(event.target as HTMLInputElement).id}=${(event.target as HTMLInputElement).value}`));
  return { document, log, inputs: Array.from(document.querySelectorAll('input')) };
}

describe('writing a code into the page', () => {
  it('a single field: the value, then input and change as the page sees them', () => {
    const { inputs, log } = inputsAndLog('<form><input id="otp"></form>');
    expect(writeCode(inputs, '123456')).toBe(1);
    expect(inputs[0]!.value).toBe('123456');
    expect(log).toEqual(['input otp=123456', 'change otp=123456']);
  });

  it('a split field: one character per box, in order', () => {
    const { inputs, log } = inputsAndLog(`<div>${[1, 2, 3, 4, 5, 6].map((n) => `<input id="d${n}" maxlength="1">`).join('')}</div>`);
    expect(writeCode(inputs, '908172')).toBe(6);
    expect(inputs.map((i) => i.value).join('')).toBe('908172');
    expect(log.filter((l) => l.startsWith('input'))).toEqual(['input d1=9', 'input d2=0', 'input d3=8', 'input d4=1', 'input d5=7', 'input d6=2']);
  });

  it('a code longer than the boxes is not written at all', () => {
    const { inputs, log } = inputsAndLog(`<div>${'<input maxlength="1">'.repeat(4)}</div>`);
    expect(writeCode(inputs, '12345678')).toBe(0);
    expect(inputs.map((i) => i.value).join('')).toBe('');
    expect(log).toEqual([]);
  });

  it('a value property the page overrode on the element (as React’s value tracker does) is bypassed: the native setter writes', () => {
    const { inputs } = inputsAndLog('<input id="otp">');
    const input = inputs[0]!;
    let tracked = '';
    Object.defineProperty(input, 'value', { configurable: true, get: () => tracked, set: (v: string) => (tracked = v) });
    writeCode([input], '445566');
    // The page's own override saw nothing; the element's real value changed, so React's comparison sees a change.
    expect(tracked).toBe('');
    delete (input as unknown as Record<string, unknown>).value;
    expect(input.value).toBe('445566');
  });

  it.each([
    { cancelled: false, submitted: 1 },
    { cancelled: true, submitted: 0 },
  ])('Enter after filling submits the form unless the page cancels the key (cancelled: $cancelled)', ({ cancelled, submitted }) => {
    const { document, inputs } = inputsAndLog('<form><input id="otp"></form>');
    let submits = 0;
    document.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      submits += 1;
    });
    if (cancelled) inputs[0]!.addEventListener('keydown', (event) => event.preventDefault());
    pressEnter(inputs[0]!);
    expect(submits).toBe(submitted);
  });
});
