import { describe, expect, it } from "vitest";
import { cardCountFeatureName, velocityFeatureName } from "./features/catalogue";
import { Transaction } from "./transaction";

describe("Transaction", () => {
  it("rejects a fractional amount and names the field", () => {
    const result = Transaction.safeParse({ amount: 10.5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain("amount");
  });
});

describe("feature names", () => {
  it("spell Radar's names", () => {
    expect(velocityFeatureName("declined", "ip_address", "hourly")).toBe(
      "declined_charges_per_ip_address_hourly",
    );
    expect(cardCountFeatureName("email", "10m")).toBe("card_count_for_email_10m");
  });
});
