export {
  type BackendDescription,
  CONCERNS,
  type Concern,
  describeBackends,
  formatBackends,
} from "./describe-backends";
export { EmbeddedSecrets, ensureEmbeddedSecrets, SECRETS_FILE } from "./embedded-secrets";
export { Config, Env, LogLevel } from "./env-schema";
export { getConfig, loadConfig } from "./load-config";
export { GENERATED_SECRETS, type GeneratedSecretName, VARIABLES, type VariableName } from "./variables";
