import { useEffect, useState } from 'react';

export type Section = 'accounts' | 'add' | 'security' | 'backup' | 'recovery' | 'transfer' | 'scan';
const SECTIONS: readonly Section[] = ['accounts', 'add', 'security', 'backup', 'recovery', 'transfer', 'scan'];

const fromHash = (): Section => {
  const hash = location.hash.replace('#', '');
  return (SECTIONS as readonly string[]).includes(hash) ? (hash as Section) : 'accounts';
};

/** The options page section is the URL's hash, so the popup can link to one and Back works. */
export function useHashSection(): [Section, (section: Section) => void] {
  const [section, setSection] = useState<Section>(fromHash);
  useEffect(() => {
    const onChange = () => setSection(fromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [section, (next) => (location.hash = next)];
}
