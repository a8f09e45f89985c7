import { getTestDatabase } from "@orylo/db/testing";
import { describe } from "vitest";
import { backtestHistoryPagesCases } from "./backtest-history-pages-cases";

describe("backtest history pages (PGlite)", () =>
  backtestHistoryPagesCases(async () => (await getTestDatabase()).db));
