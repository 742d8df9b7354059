import { useEffect, useRef, useState } from 'react';
import { t } from '../../components/i18n';

/** Pixels per side of the drawn code; big enough for a phone camera across a desk. */
const QR_SIZE_PX = 360;

/**
 * Google Authenticator export links as QR codes, one at a time with "1 of 3"
 * navigation, as the app shows its own export. The QR encoder (the `qrcode`
 * package) is loaded only here, when codes are asked for.
 */
export function MigrationQrViewer({ uris, onClose }: { uris: readonly string[]; onClose(): void }) {
  const [index, setIndex] = useState(0);
  const [drawn, setDrawn] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const uri = uris[index];

  useEffect(() => {
    let current = true;
    setDrawn(null);
    void (async () => {
      try {
        const QRCode = await import('qrcode');
        if (!current || !canvas.current || uri === undefined) return;
        await QRCode.toCanvas(canvas.current, uri, { errorCorrectionLevel: 'M', margin: 4, width: QR_SIZE_PX });
        if (current) setDrawn(index);
      } catch {
        if (current) setFailed(true);
      }
    })();
    return () => {
      current = false;
    };
  }, [uri, index]);

  return (
    <div className="stack qr-viewer" data-testid="migration-qr">
      <p className="small" aria-live="polite" data-testid="qr-position">{t('qrPosition', [String(index + 1), String(uris.length)])}</p>
      <canvas ref={canvas} width={QR_SIZE_PX} height={QR_SIZE_PX} role="img" aria-label={t('qrPosition', [String(index + 1), String(uris.length)])}
        data-index={index} data-drawn={drawn === index ? 'true' : 'false'} />
      {failed && <p className="error" role="alert">{t('errorInternal')}</p>}
      <div className="buttons">
        <button type="button" disabled={index === 0} onClick={() => setIndex((i) => Math.max(0, i - 1))}>{t('qrPrevious')}</button>
        <button type="button" disabled={index >= uris.length - 1} onClick={() => setIndex((i) => Math.min(uris.length - 1, i + 1))}>{t('qrNext')}</button>
        <button type="button" onClick={onClose}>{t('qrHide')}</button>
      </div>
    </div>
  );
}
