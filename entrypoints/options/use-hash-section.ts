import { useEffect, useState } from 'react';

export type Section = 'accounts' | 'add' | 'security' | 'backup' | 'recovery' | 'transfer' | 'scan';
const SECTIONS: readonly Section[] = ['accounts', 'add', 'security', 'backup', 'recovery', 'transfer', 'scan'];

/** `#verify-<id>` (the popup's fix action for an account waiting for its secret) opens Accounts on that account. */
const VERIFY_PREFIX = 'verify-';

const readHash = () => location.hash.replace('#', '');

const sectionOf = (hash: string): Section => {
  if (hash.startsWith(VERIFY_PREFIX)) return 'accounts';
  return (SECTIONS as readonly string[]).includes(hash) ? (hash as Section) : 'accounts';
};

/** The account id of a `#verify-<id>` address, if that is the address. */
export const verifyIdOf = (hash: string): string | undefined => (hash.startsWith(VERIFY_PREFIX) ? hash.slice(VERIFY_PREFIX.length) : undefined);

/**
 * The options page section is the URL's hash, so the popup can link to one and Back works.
 * Also returns the hash itself, for addresses that carry more (`#verify-<id>`).
 */
export function useHashSection(): [Section, (section: Section) => void, string] {
  const [hash, setHash] = useState(readHash);
  useEffect(() => {
    const onChange = () => setHash(readHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [sectionOf(hash), (next) => (location.hash = next), hash];
}
