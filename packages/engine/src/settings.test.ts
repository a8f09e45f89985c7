import { describe, expect, it } from "vitest";
import { DEFAULT_ENGINE_SETTINGS, EngineSettings } from "./settings";

describe("EngineSettings", () => {
  it("defaults to BLOCK >= 80 and REVIEW >= 20", () => {
    expect(DEFAULT_ENGINE_SETTINGS).toEqual({ blockThreshold: 80, reviewThreshold: 20 });
  });

  it.each([
    { input: { blockThreshold: 101 }, path: "blockThreshold" },
    { input: { reviewThreshold: 0 }, path: "reviewThreshold" },
    { input: { reviewThreshold: 12.5 }, path: "reviewThreshold" },
    { input: { blockThreshold: 30, reviewThreshold: 40 }, path: "reviewThreshold" },
  ])("rejects $input", ({ input, path }) => {
    const result = EngineSettings.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});
