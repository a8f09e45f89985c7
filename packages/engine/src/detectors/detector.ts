import type { Contribution } from "../evaluation";
import type { FeatureVector } from "../features/catalogue";
import { readFeature } from "../features/projection";
import type { EngineSettings } from "../settings";
import type { Transaction } from "../transaction";

/** What a detector returns; `evaluate` adds the detector's name (and records a throw as `failed`). */
export type DetectorFinding = Omit<Contribution, "detector" | "status"> & { status: "hit" | "no_hit" };

export type Detector = {
  name: string;
  /**
   * Every catalogue feature `detect` may read: a backtest computes only these (and the rules' features), and a
   * read of another one there throws `FeatureNotProvidedError` (detectors.test.ts checks each detector).
   */
  reads: readonly string[];
  /**
   * `explain` (default true): build the finding's evidence and message. A backtest only needs the status, score
   * and reason code of each finding, so it passes false and gets `UNEXPLAINED` ones (same status, score and
   * reason code: scoring-only.test.ts).
   */
  detect: (
    transaction: Transaction,
    features: FeatureVector,
    settings: EngineSettings,
    explain?: boolean,
  ) => DetectorFinding;
};

/** The evidence and message of a finding made without `explain`. */
export const UNEXPLAINED = {
  evidence: Object.freeze({}) as DetectorFinding["evidence"],
  message: "",
} as const;

/**
 * A numeric feature, or null when it is missing or not a number: unknown is never read as 0,
 * so a detector whose inputs are unknown does not hit on them.
 */
export function readNumber(features: FeatureVector, name: string): number | null {
  const value = readFeature(features, name);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function noHit(
  reasonCode: string,
  evidence: DetectorFinding["evidence"],
  message: string,
): DetectorFinding {
  return { status: "no_hit", score: 0, reasonCode, evidence, message };
}

export function hit(
  score: number,
  reasonCode: string,
  evidence: DetectorFinding["evidence"],
  message: string,
): DetectorFinding {
  return {
    status: "hit",
    score: Math.round(Math.min(100, Math.max(0, score))),
    reasonCode,
    evidence,
    message,
  };
}

/** Ratios in evidence are rounded so they read well and bucket well (AI explanation cache). */
export function ratio(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 1000) / 1000;
}

/** Findings of a detector asked not to explain them (see `Detector.detect`). */
export function unexplainedHit(score: number, reasonCode: string): DetectorFinding {
  return hit(score, reasonCode, UNEXPLAINED.evidence, UNEXPLAINED.message);
}

export function unexplainedNoHit(reasonCode: string): DetectorFinding {
  return noHit(reasonCode, UNEXPLAINED.evidence, UNEXPLAINED.message);
}
