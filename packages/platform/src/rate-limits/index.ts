export { createRateLimits, type RateLimitDecision, type RateLimits } from "./create-rate-limits";
export {
  ipScope,
  RATE_LIMIT_POLICIES,
  type RateLimitPolicyName,
  type RateLimitScope,
  scopePrefix,
} from "./policies";
