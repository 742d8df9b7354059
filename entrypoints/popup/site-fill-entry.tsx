import { useEffect, useState, type ComponentType } from 'react';
import type { AccountView } from '../../lib/messaging/protocol';

/*
 * The popup's way into filling, kept off its start path: the site section (site-fill.tsx)
 * is its own chunk, loaded as the popup opens, in parallel with the codes. Not
 * React.lazy: its Suspense reveal throttling would hold the section back ~300 ms.
 */

type Props = { accounts: AccountView[] };

/** "On github.com": this site's accounts first, with Fill (loaded on open). */
export function LazySiteFill(props: Props) {
  const [Section, setSection] = useState<ComponentType<Props> | null>(null);
  useEffect(() => {
    let live = true;
    void import('./site-fill').then((module) => live && setSection(() => module.default));
    return () => {
      live = false;
    };
  }, []);
  return Section ? <Section {...props} /> : null;
}
