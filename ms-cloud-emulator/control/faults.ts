import { z } from 'zod';

/** A fault rule as posted to `POST /_emulator/faults`. */
export const FaultRuleInput = z
  .strictObject({
    method: z.string().min(1).optional(),
    pathIncludes: z.string().min(1).optional(),
    kind: z.enum(['status', 'network', 'delay', 'hang']).default('status'),
    status: z.number().int().min(400).max(599).optional(),
    retryAfterSeconds: z.number().int().min(0).optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    count: z.number().int().min(1).default(1),
  })
  .superRefine((rule, issues) => {
    if (rule.kind === 'status' && rule.status === undefined) {
      issues.addIssue({ code: 'custom', path: ['status'], message: 'status (400–599) is required for kind "status"' });
    }
    if (rule.kind === 'delay' && rule.delayMs === undefined) {
      issues.addIssue({ code: 'custom', path: ['delayMs'], message: 'delayMs is required for kind "delay"' });
    }
  });
export type FaultRuleInput = z.infer<typeof FaultRuleInput>;

/** A stored rule: the input plus its id and how many matches it still affects. */
export interface FaultRule extends FaultRuleInput {
  id: string;
  remaining: number;
}

/**
 * Injected faults. Rules apply in the order they were added; the first one that matches and
 * is not used up takes effect and counts down. Preflights (`OPTIONS`) only match a rule that
 * names that method, so a fault meant for a PUT does not break its CORS preflight.
 */
export class Faults {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { id: `f${this.nextId++}`, ...input, remaining: input.count };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.filter((rule) => rule.remaining > 0).map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }

  /**
   * The rule that applies to a request, counted down; undefined when none.
   * @param target the raw request target (path + query).
   */
  take(method: string, target: string): FaultRule | undefined {
    const decoded = safeDecode(target);
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (r.method ? r.method.toUpperCase() === method.toUpperCase() : method.toUpperCase() !== 'OPTIONS') &&
        (!r.pathIncludes || target.includes(r.pathIncludes) || decoded.includes(r.pathIncludes)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { ...rule };
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
