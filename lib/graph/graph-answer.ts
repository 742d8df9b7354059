import type { z } from 'zod';
import { GraphResponseError } from './errors';

/** One HTTP answer, body read in full (the backup is small: simple uploads stop at 4 MB). */
export interface GraphAnswer {
  /** HTTP status of the final answer (after fetch followed any redirect). */
  status: number;
  headers: Headers;
  /** The body decoded as UTF-8. */
  text: string;
}

/** Graph's `request-id` header, when present. */
export function requestIdOf(answer: GraphAnswer): string | undefined {
  return answer.headers.get('request-id') ?? undefined;
}

/**
 * Parses a success body with `schema`. A body that is not JSON or not the expected shape is a
 * `GraphResponseError`; its message names the problem, never the body (it may be file contents).
 */
export function readJsonBody<Schema extends z.ZodType>(answer: GraphAnswer, schema: Schema, operation: string, expected: string): z.infer<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch (error) {
    throw new GraphResponseError(`${operation} failed: Graph answered HTTP ${answer.status} with a body that is not JSON (expected ${expected}).`, {
      status: answer.status,
      code: 'malformedResponse',
      requestId: requestIdOf(answer),
      cause: error,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))].join(', ');
    throw new GraphResponseError(`${operation} failed: Graph answered HTTP ${answer.status} with JSON that is not ${expected} (wrong or missing: ${fields}).`, {
      status: answer.status,
      code: 'malformedResponse',
      requestId: requestIdOf(answer),
      cause: parsed.error,
    });
  }
  return parsed.data;
}
