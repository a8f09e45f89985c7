import { describe, expect, it } from "vitest";
import { and, not, or, type Truth } from "./logic";

const T = true;
const F = false;
const U = null;

describe("Kleene three-valued logic", () => {
  it.each<[Truth, Truth]>([
    [T, F],
    [F, T],
    [U, U],
  ])("not %s → %s", (value, expected) => {
    expect(not(value)).toBe(expected);
  });

  it.each<[Truth, Truth, Truth, Truth]>([
    // left, right, and, or
    [T, T, T, T],
    [T, F, F, T],
    [T, U, U, T],
    [F, T, F, T],
    [F, F, F, F],
    [F, U, F, U],
    [U, T, U, T],
    [U, F, F, U],
    [U, U, U, U],
  ])("%s and/or %s → %s / %s", (left, right, expectedAnd, expectedOr) => {
    expect(and([left, right])).toBe(expectedAnd);
    expect(or([left, right])).toBe(expectedOr);
  });

  it("folds longer chains the same way", () => {
    expect(and([T, U, F])).toBe(F);
    expect(and([T, T, U])).toBe(U);
    expect(or([F, U, T])).toBe(T);
    expect(or([F, F, U])).toBe(U);
  });
});
