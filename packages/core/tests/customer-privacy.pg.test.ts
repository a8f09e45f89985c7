import { usePostgresDatabase } from "@orylo/db/testing/postgres";
import { describe } from "vitest";
import { customerPrivacyCases } from "./customer-privacy-cases";

const database = usePostgresDatabase();

describe("customer export and erasure (PostgreSQL)", () => customerPrivacyCases(() => database().db));
