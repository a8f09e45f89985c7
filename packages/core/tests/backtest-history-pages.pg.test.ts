import { usePostgresDatabase } from "@orylo/db/testing/postgres";
import { describe } from "vitest";
import { backtestHistoryPagesCases } from "./backtest-history-pages-cases";

const database = usePostgresDatabase();

describe("backtest history pages (PostgreSQL)", () => backtestHistoryPagesCases(async () => database().db));
