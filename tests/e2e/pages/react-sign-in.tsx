import { useState } from 'react';
import { createRoot } from 'react-dom/client';

/*
 * A React-controlled code field (the sign-in server serves it bundled): the value
 * lives in React state, so a fill that React does not see leaves the state empty.
 */

function CodeForm() {
  const [code, setCode] = useState('');
  return (
    <form method="post" action="/verify">
      <label htmlFor="react-code">Verification code</label>
      <input id="react-code" name="code" autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(event) => setCode(event.target.value)} />
      <p id="react-state">{code}</p>
      <button type="submit">Verify</button>
    </form>
  );
}

createRoot(document.getElementById('app')!).render(<CodeForm />);
document.body.dataset.ready = '1';
