import { describe, expect, it } from "vitest";
import { fraudDisputes } from "./disputes";
import { seededRandom } from "./random";
import { simulatedTraffic } from "./scenarios";

const DAY = 86_400_000;
const end = new Date("2026-11-24T12:00:00Z");

describe("a shop's history (simulate --days)", () => {
  const traffic = simulatedTraffic({ seed: 3, end, days: 150, shoppers: 300, stolenCards: 15 });
  const stolen = traffic.filter(({ label }) => label === "stolen_card").map(({ event }) => event);
  const disputes = fraudDisputes(seededRandom(4), stolen, end);

  it("spreads the fraudsters' evenings over the history, before the card-testing burst", () => {
    const burstStart = Math.min(
      ...traffic.filter(({ label }) => label === "card_testing").map(({ event }) => event.created * 1000),
    );
    expect(stolen.length).toBeGreaterThanOrEqual(15);
    for (const event of stolen) {
      expect(event.type).toBe("charge.succeeded");
      expect(event.created * 1000).toBeGreaterThanOrEqual(end.getTime() - 150 * DAY);
      expect(event.created * 1000).toBeLessThan(burstStart - DAY + 3 * 40 * 60_000);
    }
    const days = new Set(stolen.map((event) => Math.floor(event.created / 86_400)));
    expect(days.size).toBeGreaterThan(8);
  });

  it("disputes most stolen-card charges 10 to 45 days later, none after the end, in time order", () => {
    const charges = new Map(stolen.map((event) => [event.data.object.id, event]));
    expect(disputes.length).toBeGreaterThan(stolen.length / 2);
    expect(disputes.length).toBeLessThanOrEqual(stolen.length);
    for (const dispute of disputes) {
      const charge = charges.get(dispute.data.object.charge);
      if (!charge) throw new Error(`dispute of an unknown charge ${dispute.data.object.charge}`);
      const delay = (dispute.created - charge.created) / 86_400;
      expect(delay).toBeGreaterThanOrEqual(10);
      expect(delay).toBeLessThanOrEqual(45);
      expect(dispute.created * 1000).toBeLessThanOrEqual(end.getTime());
      expect(dispute.data.object).toMatchObject({ reason: "fraudulent", amount: charge.data.object.amount });
    }
    const times = disputes.map((dispute) => dispute.created);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("leaves the default demo traffic as it was: no fraudsters unless asked", () => {
    const demo = simulatedTraffic({ seed: 3, end });
    expect(demo.some(({ label }) => label === "stolen_card")).toBe(false);
  });
});
