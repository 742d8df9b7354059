import { ScanReport } from '../../scan/scan-report';
import { InvalidScanReportError } from './errors';

/** Parses what a collector produced (untrusted), naming the first bad field in the error. */
export function parseScanReport(raw: unknown): ScanReport {
  const parsed = ScanReport.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = ['report', ...(issue?.path ?? []).map(String)].join('.');
  throw new InvalidScanReportError(field, `The page scan is invalid at ${field}: ${issue?.message ?? 'unexpected value'}.`, { cause: parsed.error });
}
