import { useEffect, useState } from 'react';
import { t, type MessageKey } from './i18n';

const LABELS: MessageKey[] = ['strength0', 'strength1', 'strength2', 'strength3', 'strength4'];

/**
 * Shows how strong a new password is. The estimator is loaded on demand so it
 * never weighs on the popup's start path.
 */
export function PasswordStrengthMeter({ password }: { password: string }) {
  const [score, setScore] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    if (password === '') {
      setScore(null);
      return;
    }
    void import('../lib/vault/password-strength').then(({ estimatePasswordStrength }) => {
      if (current) setScore(estimatePasswordStrength(password).score);
    });
    return () => {
      current = false;
    };
  }, [password]);
  if (score === null) return <div className="strength" aria-hidden="true" />;
  return (
    <div className="strength" data-score={score}>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={score} aria-label={t('strengthLabel')} />
      <span role="status" data-testid="password-strength">{t(LABELS[score] ?? 'strength0')}</span>
    </div>
  );
}
