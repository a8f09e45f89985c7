import { evaluate } from "../evaluate";
import type { Evaluation } from "../evaluation";
import { streamFeatures } from "../features/stream";
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from "../settings";
import type { Transaction } from "../transaction";

/** Merges streams by time (stable: ties keep their order), then features and decisions, as a backtest would. */
export function replay(
  streams: Transaction[][],
  settings: EngineSettings = DEFAULT_ENGINE_SETTINGS,
): Map<string, Evaluation> {
  const ordered = streams
    .flat()
    .map((transaction, order) => ({ transaction, order }))
    .sort(
      (a, b) => a.transaction.createdAt.getTime() - b.transaction.createdAt.getTime() || a.order - b.order,
    )
    .map(({ transaction }) => transaction);
  const evaluations = new Map<string, Evaluation>();
  for (const { transaction, features } of streamFeatures(ordered))
    evaluations.set(transaction.chargeId, evaluate(transaction, features, settings));
  return evaluations;
}
