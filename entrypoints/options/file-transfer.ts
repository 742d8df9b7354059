import { bytesToBase64 } from '../../lib/encoding/base64';
import { IMPORT_LIMITS } from '../../lib/import/limits';
import type { ExportedFile, ImportSource } from '../../lib/messaging/protocol';

/** The importer's input limit, in bytes: a bigger file is refused here, before it is read and sent. */
export const MAX_IMPORT_BYTES = IMPORT_LIMITS.maxInputSize;

/** A chosen or dropped file as the background reads it: its bytes in base64, its name as a hint. */
export async function sourceFromFile(file: File): Promise<ImportSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { fileName: file.name, bytesBase64: bytesToBase64(bytes) };
}

/**
 * Starts the download of an exported file through a Blob link and returns the
 * link's URL (kept for "Download again"; revoke it with URL.revokeObjectURL).
 */
export function downloadFile(file: Pick<ExportedFile, 'fileName' | 'mimeType' | 'text'>): string {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  return url;
}
