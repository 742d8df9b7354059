import { describe, expect, it } from 'vitest';
import { confirmation, gatherProblems, noProblems, required } from '../../../lib/forms/field-problems';

describe('required', () => {
  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['x', null],
    [' pass word ', null],
  ])('%j → %s', (value, problem) => expect(required(value)).toBe(problem));
});

describe('confirmation', () => {
  it.each([
    ['secret phrase', 'secret phrase', null],
    ['secret phrase', '', 'required'],
    ['', '', null],
    ['secret phrase', 'secret phrase ', 'differs'],
    ['secret phrase', 'Secret phrase', 'differs'],
    ['', 'typed only here', 'differs'],
  ])('%j / %j → %s', (password, confirm, problem) => expect(confirmation(password, confirm)).toBe(problem));
});

describe('gatherProblems', () => {
  it.each<{ checks: Record<string, () => string | null>; problems: object; clean: boolean }>([
    { checks: { a: () => 'required', b: () => null, c: () => 'differs' }, problems: { a: 'required', c: 'differs' }, clean: false },
    { checks: { a: () => null, b: () => null }, problems: {}, clean: true },
  ])('keeps every problem at once: $problems', ({ checks, problems, clean }) => {
    const gathered = gatherProblems<string, string>(checks);
    expect(gathered).toEqual(problems);
    expect(Object.keys(gathered)).toEqual(Object.keys(problems));
    expect(noProblems(gathered)).toBe(clean);
  });
});
