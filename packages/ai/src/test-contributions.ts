import type { Contribution } from "@orylo/engine";

/** A detector hit shaped like the engine's own (see packages/engine/src/detectors). */
export function hit(
  detector: string,
  score: number,
  reasonCode: string,
  evidence: Contribution["evidence"],
): Contribution {
  return { detector, status: "hit", score, reasonCode, evidence, message: `${detector} hit` };
}

export function noHit(detector: string): Contribution {
  return { detector, status: "no_hit", score: 0, reasonCode: `${detector}_clean`, evidence: {}, message: "" };
}

/** French typography's non-breaking spaces, as plain spaces, so expected strings stay readable. */
export function plain(text: string): string {
  return text.replaceAll("\u00a0", " ");
}
