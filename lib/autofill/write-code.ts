/*
 * Writing a code into a field so the page's own code sees it as typed
 * (docs/autofill.md "Writing the value"): the native value setter (React's value
 * tracker, Vue and Angular bindings then see a real change), then `input` and
 * `change`, bubbling and composed so they leave shadow roots. Pure over the
 * elements given: the window is the field's own.
 */

type InputWindow = Window & typeof globalThis;

function windowOf(input: HTMLInputElement): InputWindow {
  const view = input.ownerDocument.defaultView;
  if (!view) throw new Error('The field is not in a window.');
  return view;
}

/** Sets one field's value as the browser's own typing would, and tells the page. */
export function typeInto(input: HTMLInputElement, text: string): void {
  const view = windowOf(input);
  input.focus();
  const setter = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, text);
  else input.value = text;
  const InputEventClass = typeof view.InputEvent === 'function' ? view.InputEvent : view.Event;
  input.dispatchEvent(new InputEventClass('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  input.dispatchEvent(new view.Event('change', { bubbles: true, composed: true }));
}

/**
 * Writes `digits` into a target: the whole code into a single field, or one
 * character per box of a split field (extra boxes stay empty; a code longer than
 * the boxes is not written at all). Returns the number of boxes written.
 */
export function writeCode(inputs: readonly HTMLInputElement[], digits: string): number {
  if (inputs.length === 1) {
    typeInto(inputs[0] as HTMLInputElement, digits);
    return 1;
  }
  if (digits.length > inputs.length) return 0;
  [...digits].forEach((digit, index) => typeInto(inputs[index] as HTMLInputElement, digit));
  return digits.length;
}

/**
 * Presses Enter in the field (the "press Enter after filling" setting): keydown,
 * keypress and keyup; unless the page cancelled the key, its form is submitted the
 * way Enter would (`requestSubmit`, which runs the page's submit handlers).
 */
export function pressEnter(input: HTMLInputElement): void {
  const view = windowOf(input);
  const init: KeyboardEventInit = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true, composed: true };
  const proceed = input.dispatchEvent(new view.KeyboardEvent('keydown', init));
  input.dispatchEvent(new view.KeyboardEvent('keypress', init));
  input.dispatchEvent(new view.KeyboardEvent('keyup', init));
  if (proceed && input.form) input.form.requestSubmit();
}
