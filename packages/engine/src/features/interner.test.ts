import { describe, expect, it } from "vitest";
import { Interner, MAX_INTERNED, PairInterner, pairKey, withIndex } from "./interner";

describe("Interner", () => {
  it("hands out 0, 1, 2... in order of first appearance, and the same id for the same value", () => {
    const interner = new Interner();
    const ids = ["ip_b", "ip_a", "ip_a", "ip_b", "ip_c", "ip_c", "ip_a"].map((value) => interner.idOf(value));
    expect(ids).toEqual([0, 1, 1, 0, 2, 2, 1]);
    expect(interner.size).toBe(3);
  });

  it("tells values apart that only differ in case or by a space", () => {
    const interner = new Interner();
    expect(new Set(["a@x.fr", "A@x.fr", "a@x.fr "].map((value) => interner.idOf(value))).size).toBe(3);
  });
});

describe("PairInterner", () => {
  it("gives each pair its own id, across firsts, and the same id for the same pair", () => {
    const interner = new PairInterner<string, number>();
    const pairs: [string, number][] = [
      ["eur", 1000],
      ["usd", 1000],
      ["eur", 1000],
      ["eur", 500],
      ["usd", 500],
      ["usd", 1000],
    ];
    expect(pairs.map(([currency, amount]) => interner.idOf(currency, amount))).toEqual([0, 1, 0, 2, 3, 1]);
  });
});

describe("pairKey", () => {
  it("is one exact number per pair, up to the largest ids", () => {
    const largest = MAX_INTERNED - 1;
    const pairs = [
      [0, 0],
      [0, 1],
      [1, 0],
      [largest, largest],
      [largest, largest - 1],
      [largest - 1, largest],
    ] as const;
    const keys = pairs.map(([first, second]) => pairKey(first, second));
    expect(new Set(keys).size).toBe(pairs.length);
    for (const key of keys) expect(Number.isSafeInteger(key)).toBe(true);
  });
});

describe("withIndex", () => {
  it("returns the same array when the index fits", () => {
    const array = new Int32Array(8);
    expect(withIndex(array, 7)).toBe(array);
  });

  it("grows to hold the index, keeping the values and filling the new cells", () => {
    const array = Int32Array.of(4, 5, 6);
    const grown = withIndex(array, 100, -1);
    expect(grown).toBeInstanceOf(Int32Array);
    expect(grown.length).toBeGreaterThan(100);
    expect([...grown.subarray(0, 3)]).toEqual([4, 5, 6]);
    expect(grown.subarray(3).every((value) => value === -1)).toBe(true);
  });

  it("at least doubles, so appending one index at a time copies O(n) in all", () => {
    let array = new Float64Array(0);
    let copies = 0;
    for (let index = 0; index < 10_000; index++) {
      const next = withIndex(array, index);
      if (next !== array) copies += 1;
      array = next;
    }
    expect(copies).toBeLessThan(15);
  });
});
