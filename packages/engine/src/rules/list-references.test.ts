import { describe, expect, it } from "vitest";
import { compileRule } from "./compile-rule";
import { listReferences } from "./list-references";

describe("listReferences", () => {
  it("collects every @list a rule reads, each once, through and/or/not", () => {
    const compiled = compileRule(
      "Block if (:email: in @bad_emails or not :ip_address: in @bad_ips) and :email: in @bad_emails",
    );
    if (!compiled.ok) throw new Error(compiled.errors[0]?.message);
    expect([...listReferences(compiled.ast.condition)].sort()).toEqual(["bad_emails", "bad_ips"]);
  });

  it("is empty for a rule without lists", () => {
    const compiled = compileRule("Review if :amount_in_eur: > 500");
    if (!compiled.ok) throw new Error(compiled.errors[0]?.message);
    expect(listReferences(compiled.ast.condition).size).toBe(0);
  });
});
