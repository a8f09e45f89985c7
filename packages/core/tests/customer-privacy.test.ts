import type { Executor } from "@orylo/db";
import { getTestDatabase } from "@orylo/db/testing";
import { beforeAll, describe } from "vitest";
import { customerPrivacyCases } from "./customer-privacy-cases";

let db: Executor;
beforeAll(async () => {
  db = (await getTestDatabase()).db;
});

describe("customer export and erasure (PGlite)", () => customerPrivacyCases(() => db));
