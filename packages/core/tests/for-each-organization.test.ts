import { getTestDatabase } from "@orylo/db/testing";
import { describe, expect, it } from "vitest";
import { forEachOrganization } from "../src/tasks/for-each-organization";
import { ingestionSetup, testCtx } from "./helpers";

describe("forEachOrganization", () => {
  it("runs every organization even when one fails, then fails the run naming it", async () => {
    const { organization: healthy } = await ingestionSetup();
    const { organization: poisoned } = await ingestionSetup();
    const { organization: later } = await ingestionSetup();
    const { db } = await getTestDatabase();
    const visited: string[] = [];
    const run = forEachOrganization(testCtx(db), async (ctx) => {
      visited.push(ctx.organizationId);
      if (ctx.organizationId === poisoned.id) throw new Error("settings do not parse");
      return ctx.organizationId;
    });
    await expect(run).rejects.toThrow(new RegExp(`^1 of \\d+ organizations failed \\(${poisoned.id}\\)`));
    expect(visited).toEqual(expect.arrayContaining([healthy.id, poisoned.id, later.id]));
  });

  it("returns each organization's result when none fails", async () => {
    const { organization } = await ingestionSetup();
    const { db } = await getTestDatabase();
    const results = await forEachOrganization(testCtx(db), async (ctx) => ctx.organizationId);
    expect(results).toContain(organization.id);
    expect(new Set(results).size).toBe(results.length);
  });
});
