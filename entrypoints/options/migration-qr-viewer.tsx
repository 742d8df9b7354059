import { useEffect, useRef, useState } from 'react';
import { t } from '../../components/i18n';

/** Smallest side of the drawn code in CSS pixels; big enough for a phone camera across a desk. */
const QR_MIN_SIZE_PX = 360;
/** Quiet zone in modules, as the QR standard asks. */
const QR_MARGIN_MODULES = 4;

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
        // A whole number of pixels per module: scaled by fractions, modules come out
        // 2 and 3 pixels wide in turn, which cameras (and jsQR) read badly.
        const modules = QRCode.create(uri, { errorCorrectionLevel: 'M' }).modules.size + 2 * QR_MARGIN_MODULES;
        const scale = Math.ceil(QR_MIN_SIZE_PX / modules);
        await QRCode.toCanvas(canvas.current, uri, { errorCorrectionLevel: 'M', margin: QR_MARGIN_MODULES, scale });
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
      <canvas ref={canvas} role="img" aria-label={t('qrPosition', [String(index + 1), String(uris.length)])}
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
