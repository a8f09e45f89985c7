import { describe, expect, it } from "vitest";
import { computeConfidence, decide } from "./decide";
import type { RuleHit } from "./evaluation";
import type { ListHit } from "./lists/action-lists";
import { DEFAULT_ENGINE_SETTINGS as defaults, type EngineSettings } from "./settings";

const rule = (action: RuleHit["action"], shadow = false): RuleHit => ({
  ruleId: `r_${action}`,
  action,
  priority: 0,
  shadow,
});

describe("decide", () => {
  it.each<{ score: number; hits?: RuleHit[]; settings?: EngineSettings; expected: string }>([
    { score: 0, expected: "ALLOW" },
    { score: 19, expected: "ALLOW" },
    { score: 20, expected: "REVIEW" },
    { score: 79, expected: "REVIEW" },
    { score: 80, expected: "BLOCK" },
    { score: 100, expected: "BLOCK" },
    { score: 95, hits: [rule("allow"), rule("block")], expected: "ALLOW" },
    { score: 0, hits: [rule("review"), rule("block")], expected: "BLOCK" },
    { score: 0, hits: [rule("review")], expected: "REVIEW" },
    { score: 0, hits: [rule("block", true)], expected: "ALLOW" },
    { score: 0, hits: [rule("request_3ds")], expected: "ALLOW" },
    { score: 50, settings: { blockThreshold: 50, reviewThreshold: 20 }, expected: "BLOCK" },
    { score: 15, settings: { blockThreshold: 80, reviewThreshold: 10 }, expected: "REVIEW" },
  ])(
    "score $score with $hits.length rule hit(s) → $expected",
    ({ score, hits = [], settings = defaults, expected }) => {
      expect(decide(score, hits, settings)).toBe(expected);
    },
  );
});

const listed = (action: ListHit["action"]): ListHit => ({
  list: `${action}ed`,
  action,
  kind: "email",
  value: "a@b.co",
});

describe("decide with list hits (ARCHITECTURE §4: allow lists, block lists, then rules)", () => {
  it.each<{ score: number; hits: RuleHit[]; lists: ListHit[]; expected: string }>([
    { score: 0, hits: [], lists: [listed("block")], expected: "BLOCK" },
    { score: 0, hits: [rule("allow")], lists: [listed("block")], expected: "BLOCK" },
    { score: 100, hits: [rule("block")], lists: [listed("allow")], expected: "ALLOW" },
    { score: 0, hits: [], lists: [listed("block"), listed("allow")], expected: "ALLOW" },
  ])(
    "score $score, rules $hits.length, lists $lists.length → $expected",
    ({ score, hits, lists, expected }) => {
      expect(decide(score, hits, defaults, lists)).toBe(expected);
    },
  );
});

describe("computeConfidence", () => {
  it.each([
    { score: 0, ran: 6, all: 6, expected: 1 },
    { score: 80, ran: 6, all: 6, expected: 0.5 },
    { score: 90, ran: 6, all: 6, expected: 0.75 },
    { score: 0, ran: 3, all: 6, expected: 0.5 },
    { score: 0, ran: 0, all: 0, expected: 0 },
  ])("score $score, $ran of $all detectors → $expected", ({ score, ran, all, expected }) => {
    expect(computeConfidence(score, ran, all, defaults)).toBe(expected);
  });
});
