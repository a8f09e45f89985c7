import { suiteConfig } from "@orylo/testkit/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig(suiteConfig());
