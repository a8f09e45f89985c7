import type { DetectionSummary } from "@orylo/db";
import type { OrgCtx } from "../../context";
import type { OrganizationSettings } from "../../organizations/organization-settings";
import type { StripeEventEnvelope } from "../stripe-event-envelope";

export interface EventHandlerInput {
  event: StripeEventEnvelope;
  settings: OrganizationSettings;
}

/** Handles one verified, stored event inside the transaction that marks it processed. */
export type EventHandler = (ctx: OrgCtx, input: EventHandlerInput) => Promise<DetectionSummary | null>;
