import {
  baseConfidence,
  calibrateConfidence,
  explanationLanguageFor,
  SUGGESTION_PROMPT_VERSION,
  SuggestionKind,
} from "@orylo/ai";
import {
  findOrganization,
  insertSuggestions,
  selectAiCalibrations,
  selectSuggestionExclusions,
} from "@orylo/db";
import { generateId } from "@orylo/platform";
import { readAiBudget } from "../ai/ai-budget";
import type { AiServices } from "../ai/ai-services";
import type { OrgCtx } from "../context";
import { findSuggestionCandidates, type SuggestionCandidate } from "./find-suggestion-candidates";
import { writeSuggestionReasoning } from "./write-suggestion-reasoning";

/** A decided suggestion (rejected, or edited into another value) is not made again for this long. */
export const DECISION_COOLDOWN_DAYS = 30;
/** Per kind and run, the strongest first: a daily inbox a merchant can read. */
const MAX_PER_KIND = 50;
const DAY_MS = 86_400_000;

/** Drops candidates already listed, pending or recently rejected, and repeats of one value in a kind. */
async function withoutExclusions(ctx: OrgCtx, candidates: SuggestionCandidate[]) {
  const groups = new Map<string, SuggestionCandidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.kind}:${candidate.subject}`;
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  const decidedSince = new Date(ctx.now().getTime() - DECISION_COOLDOWN_DAYS * DAY_MS);
  const kept: SuggestionCandidate[] = [];
  for (const group of groups.values()) {
    const { kind, subject } = group[0] as SuggestionCandidate;
    const skip = await selectSuggestionExclusions(ctx.db, {
      organizationId: ctx.organizationId,
      kind,
      subject,
      values: group.map((c) => c.value),
      decidedSince,
    });
    for (const candidate of group) {
      if (skip.has(candidate.value)) continue;
      skip.add(candidate.value);
      kept.push(candidate);
    }
  }
  return kept;
}

/**
 * `customers.suggest` for one organization: finds whitelist and blacklist candidates, skips what is already
 * on a list, pending, or decided in the last 30 days, and stores each with its confidence (scaled by the
 * kind's calibration from `feedback.analyze`) and reasoning (LLM or templates). Cheap to rerun: nothing is
 * suggested twice.
 */
export async function suggestCustomers(
  ctx: OrgCtx,
  ai: AiServices,
  kinds: readonly SuggestionKind[] = SuggestionKind.options,
): Promise<{ created: number }> {
  const candidates = await withoutExclusions(ctx, await findSuggestionCandidates(ctx, kinds));
  if (candidates.length === 0) return { created: 0 };
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  const language = explanationLanguageFor(organization?.locale);
  const scales = new Map(
    (await selectAiCalibrations(ctx.db, ctx.organizationId)).map((c) => [c.kind, c.scale]),
  );
  const useLlm = ai.chain.providers.length > 0 && (await readAiBudget(ctx)).state !== "exhausted";

  const scored = candidates.map((candidate) => {
    const facts = {
      kind: candidate.kind,
      signal: candidate.signal,
      subject: candidate.subject,
      language,
      facts: candidate.facts,
    };
    const confidence = calibrateConfidence(baseConfidence(facts), scales.get(candidate.kind) ?? 1);
    return { candidate, facts, confidence };
  });
  const chosen = kinds.flatMap((kind) =>
    scored
      .filter((s) => s.candidate.kind === kind)
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, MAX_PER_KIND),
  );
  const rows = [];
  for (const { candidate, facts, confidence } of chosen) {
    const { reasoning, source } = await writeSuggestionReasoning(ctx, ai, facts, useLlm);
    rows.push({
      id: generateId("sug"),
      organizationId: ctx.organizationId,
      kind: candidate.kind,
      signal: candidate.signal,
      subject: candidate.subject,
      value: candidate.value,
      facts: candidate.facts,
      confidence,
      reasoning,
      reasoningSource: source,
      promptVersion: SUGGESTION_PROMPT_VERSION,
      createdAt: ctx.now(),
    });
  }
  const created = await insertSuggestions(ctx.db, rows);
  ctx.logger.info({ candidates: candidates.length, created: created.length }, "suggestions written");
  return { created: created.length };
}
