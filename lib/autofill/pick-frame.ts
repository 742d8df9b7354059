/*
 * Which frame of a tab gets the code (docs/autofill.md, step 2). Each frame's fill
 * script reports only a description of the best field it found; no value is sent.
 */

/** What one frame's fill script found (its completion value), with the frame id the browser reported. */
export interface FrameProbe {
  frameId: number;
  /** Best field score in that frame (0: none). */
  score: number;
  /** The focused element of that frame is a code field (or a box of one). */
  focused: boolean;
}

/** The fill script's lowest score worth filling without focus (the weak word "code"). */
export const MIN_FILL_SCORE = 30;

/**
 * The frame to fill: the context-menu click's frame if it has a field, else a
 * frame whose focused element is a code field, else the best score ≥
 * {@link MIN_FILL_SCORE} (the top frame, then the lower frame id, on a tie).
 * `null`: no field anywhere.
 */
export function pickFrame(probes: readonly FrameProbe[], preferredFrameId?: number): FrameProbe | null {
  const usable = probes.filter((p) => p.focused || p.score >= MIN_FILL_SCORE);
  const preferred = usable.find((p) => p.frameId === preferredFrameId);
  if (preferred) return preferred;
  const focused = usable.filter((p) => p.focused);
  const pool = focused.length > 0 ? focused : usable;
  return [...pool].sort((a, b) => b.score - a.score || a.frameId - b.frameId)[0] ?? null;
}
