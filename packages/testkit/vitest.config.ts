import { defineConfig } from "vitest/config";
import { suiteConfig } from "./src/vitest-preset";

export default defineConfig(suiteConfig());
