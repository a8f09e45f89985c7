import {
  AddListItemsInput,
  AiFeedbackQuery,
  AiFeedbackReport,
  AiUsageReport,
  AlertList,
  ApplyRecommendationInput,
  BacktestInput,
  BacktestResult,
  ConnectCallbackQuery,
  CreateListInput,
  CreateRuleInput,
  CustomerErasure,
  CustomerExport,
  CustomerIdParam,
  DetectionDetail,
  DetectionList,
  DraftRuleInput,
  EditSuggestionInput,
  EvaluatePaymentInput,
  JobList,
  LabelTransactionInput,
  ListAlertsQuery,
  ListDetectionsQuery,
  ListItemList,
  ListJobsQuery,
  ListList,
  ListRecommendationsQuery,
  ListStripeActionsQuery,
  ListSuggestionsQuery,
  ListView,
  PaymentEvaluation,
  Readiness,
  RecommendationDetail,
  RecommendationList,
  RecommendationView,
  RejectRecommendationInput,
  RejectSuggestionInput,
  RequestSuggestionsInput,
  RestrictedKeyConnection,
  RestrictedKeyInput,
  RuleDetail,
  RuleDraft,
  RuleList,
  RuleValidation,
  RuleVersionList,
  RuleView,
  SettingsView,
  StripeActionList,
  StripeConnectionView,
  SuggestionDecision,
  SuggestionList,
  TransactionLabels,
  UpdateRuleInput,
  UpdateSettingsInput,
  ValidateRuleInput,
  WebhookReceipt,
} from "@orylo/core";
import { z } from "zod";
import { createDocument } from "zod-openapi";

const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "invalid_request" }),
      message: z.string(),
      requestId: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "Error" });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const CustomerPath = z.object({
  id: CustomerIdParam.meta({ description: "Stripe customer id, else the customer key.", example: "cus_…" }),
});
const errors = {
  400: json(ErrorBody, "Invalid input: the message says what was wrong."),
  401: json(ErrorBody, "Missing or invalid API key."),
  404: json(ErrorBody, "No such object in this organization."),
};
const sessionErrors = {
  400: errors[400],
  401: json(ErrorBody, "No session: sign in first."),
  403: json(ErrorBody, "The member's role may not do this."),
};
const body = <T extends z.ZodType>(schema: T) => ({
  requestBody: { required: true, content: { "application/json": { schema } } },
});
const byId = (example: string) => ({ path: z.object({ id: z.string().meta({ example }) }) });
const noContent = { description: "Done." };
const ruleCompileErrors = json(
  ErrorBody,
  "Invalid input, or `invalid_rule`: `details.errors` gives each error's line, column and suggested attribute.",
);

/** API v1 as OpenAPI 3.1, generated from the same zod schemas that validate requests and shape responses. */
export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Orylo API",
      version: "1.0.0",
      description:
        "Fraud decisions for Stripe payments. Authenticate with `Authorization: Bearer ork_…`. Amounts are integer minor units with their `currency`.",
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "ork_…" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/detections": {
        get: {
          summary: "List detections, newest first",
          requestParams: { query: ListDetectionsQuery },
          responses: { 200: json(DetectionList.meta({ id: "DetectionList" }), "One page."), ...errors },
        },
      },
      "/api/v1/detections/{id}": {
        get: {
          summary: "One detection with its signals, detector contributions and rule hits",
          requestParams: { path: z.object({ id: z.string().meta({ example: "det_…" }) }) },
          responses: {
            200: json(DetectionDetail.meta({ id: "DetectionDetail" }), "The detection."),
            ...errors,
          },
        },
      },
      "/api/v1/actions": {
        get: {
          summary: "Actions on Stripe (cancel, refund, review approve), dry runs included, newest first",
          requestParams: { query: ListStripeActionsQuery },
          responses: { 200: json(StripeActionList.meta({ id: "StripeActionList" }), "One page."), ...errors },
        },
      },
      "/api/v1/alerts": {
        get: {
          summary:
            "Incidents (webhook silence, dead events, signature failures…), most recently opened first",
          requestParams: { query: ListAlertsQuery },
          responses: { 200: json(AlertList.meta({ id: "AlertList" }), "One page, with counts."), ...errors },
        },
      },
      "/api/v1/evaluate": {
        post: {
          summary: "Score a payment before it is confirmed (pre-payment API)",
          description:
            "Scores the payment with the organization's features, rules, lists and settings, stores a detection (source `evaluate`) and answers in tens of milliseconds. With `payment_intent`, the PaymentIntent's charges are linked to this detection and not scored again. Call it with a 300 ms timeout and fail open: on a timeout or a 5xx, let the payment through (the webhook still scores its charge). `Idempotency-Key`: a retry with the same key and `payment_intent` within 24 hours answers the stored evaluation (header `Idempotent-Replayed: true`); without `payment_intent` every call is scored anew.",
          requestParams: {
            header: z.object({
              "idempotency-key": z.string().max(255).optional().meta({
                description: "With `payment_intent`: a retry within 24 h answers the stored evaluation.",
              }),
            }),
          },
          ...body(EvaluatePaymentInput),
          responses: {
            200: json(PaymentEvaluation, "The decision; `requires3ds` asks for 3D Secure before confirming."),
            400: errors[400],
            401: errors[401],
          },
        },
      },
      "/api/v1/transactions/{id}/label": {
        post: {
          summary: "Mark a payment fraud or legitimate (the merchant's label)",
          description:
            "`id` is Orylo's transaction id (`txn_…`) or the Stripe charge id (`ch_…`). One mark per payment, the latest wins. `fraud` puts the payment's card, email and device on the `blocked_cards`, `blocked_emails` and `blocked_devices` lists; `legitimate` clears its active fraud labels, whatever their source.",
          requestParams: byId("ch_…"),
          ...body(LabelTransactionInput.meta({ id: "LabelTransactionInput" })),
          responses: {
            200: json(TransactionLabels.meta({ id: "TransactionLabels" }), "Every label of the payment."),
            ...errors,
          },
        },
      },
      "/api/v1/rules": {
        post: {
          summary: "Create a rule from its text (rule language, Radar syntax)",
          ...body(CreateRuleInput.meta({ id: "CreateRuleInput" })),
          responses: {
            201: json(RuleView.meta({ id: "Rule" }), "Saved as version 1."),
            ...errors,
            400: ruleCompileErrors,
          },
        },
        get: {
          summary: "List the organization's rules, highest priority first",
          responses: { 200: json(RuleList.meta({ id: "RuleList" }), "Every rule."), ...errors },
        },
      },
      "/api/v1/rules/validate": {
        post: {
          summary: "Compile a rule without saving it",
          ...body(ValidateRuleInput.meta({ id: "ValidateRuleInput" })),
          responses: {
            200: json(RuleValidation.meta({ id: "RuleValidation" }), "Its canonical text, or every error."),
            ...errors,
          },
        },
      },
      "/api/v1/rules/draft": {
        post: {
          summary: "Draft a rule from a sentence (French or English), with its reading and 90-day backtest",
          description:
            "An LLM (the larger model tier) writes the rule; Orylo's parser must accept it (one retry with the parser's line and column errors). Emails, IPs and card numbers in the sentence never reach the model. Nothing is saved: create the rule with `POST /api/v1/rules`.",
          ...body(DraftRuleInput.meta({ id: "DraftRuleInput" })),
          responses: {
            200: json(RuleDraft.meta({ id: "RuleDraft" }), "The draft."),
            ...errors,
            400: json(ErrorBody, "Invalid input, or `invalid_rule`: the model's rule still did not compile."),
            503: json(
              ErrorBody,
              "`ai_unavailable`: no LLM configured (AI_ENABLED, keys), none answered, or the month's AI budget is spent.",
            ),
          },
        },
      },
      "/api/v1/recommendations": {
        get: {
          summary:
            "Rules recommended from the organization's own patterns, newest first (a run's best first)",
          description:
            "`rules.recommend` (daily, and after a card-testing incident) proposes rules in the rule language, each with its 90-day backtest; one that would block more legitimate revenue than the fraud it stops is never proposed.",
          requestParams: { query: ListRecommendationsQuery },
          responses: { 200: json(RecommendationList, "One page."), ...errors },
        },
      },
      "/api/v1/recommendations/{id}": {
        get: {
          summary: "One recommendation; once applied, what its rule has done since",
          requestParams: byId("rec_…"),
          responses: { 200: json(RecommendationDetail, "The recommendation."), ...errors },
        },
      },
      "/api/v1/recommendations/{id}/apply": {
        post: {
          summary: "Apply a recommendation: create its rule (shadow by default)",
          requestParams: byId("rec_…"),
          ...body(ApplyRecommendationInput.meta({ id: "ApplyRecommendationInput" })),
          responses: {
            200: json(RecommendationView, "Applied: `ruleId` names the new rule."),
            ...errors,
            409: json(ErrorBody, "Already applied or rejected."),
          },
        },
      },
      "/api/v1/recommendations/{id}/reject": {
        post: {
          summary: "Reject a recommendation with a reason (it is not proposed again)",
          requestParams: byId("rec_…"),
          ...body(RejectRecommendationInput.meta({ id: "RejectRecommendationInput" })),
          responses: {
            200: json(RecommendationView, "Rejected."),
            ...errors,
            409: json(ErrorBody, "Already applied or rejected."),
          },
        },
      },
      "/api/v1/ai/usage": {
        get: {
          summary: "This month's AI usage ledger against the organization's budget",
          responses: {
            200: json(
              AiUsageReport.meta({ id: "AiUsageReport" }),
              "Calls, errors, tokens, cost and latency per feature, provider and model; totals with the cache hit rate; the budget's state.",
            ),
            ...errors,
          },
        },
      },
      "/api/v1/ai/feedback": {
        get: {
          summary: "How merchants answered AI proposals: acceptance by kind and by prompt version (A/B)",
          requestParams: { query: AiFeedbackQuery },
          responses: {
            200: json(
              AiFeedbackReport.meta({ id: "AiFeedbackReport" }),
              "Accepted, edited and rejected counts, acceptance rate and mean confidence shown, per kind and per prompt version.",
            ),
            ...errors,
          },
        },
      },
      "/api/v1/suggestions": {
        get: {
          summary: "Whitelist and blacklist suggestions, newest first (pending by default)",
          requestParams: { query: ListSuggestionsQuery },
          responses: { 200: json(SuggestionList.meta({ id: "SuggestionList" }), "One page."), ...errors },
        },
      },
      "/api/v1/suggestions/refresh": {
        post: {
          summary: "Queue `customers.suggest` for this organization now (at most once a minute)",
          ...body(RequestSuggestionsInput.meta({ id: "RequestSuggestionsInput" })),
          responses: {
            202: json(z.object({ queued: z.boolean() }), "`false`: one was already queued this minute."),
            ...errors,
          },
        },
      },
      "/api/v1/suggestions/{id}/accept": {
        post: {
          summary: "Accept: put the value on the allow or block list of its kind (source `suggestion`)",
          requestParams: byId("sug_…"),
          responses: {
            200: json(SuggestionDecision.meta({ id: "SuggestionDecision" }), "Decided and applied."),
            ...errors,
            409: json(ErrorBody, "The suggestion was already decided."),
          },
        },
      },
      "/api/v1/suggestions/{id}/reject": {
        post: {
          summary: "Reject, with a reason; not suggested again for 30 days",
          requestParams: byId("sug_…"),
          ...body(RejectSuggestionInput.meta({ id: "RejectSuggestionInput" })),
          responses: {
            200: json(SuggestionDecision, "Decided."),
            ...errors,
            409: json(ErrorBody, "The suggestion was already decided."),
          },
        },
      },
      "/api/v1/suggestions/{id}/edit": {
        post: {
          summary: "Edit (another value of the same kind, an expiry), then apply",
          requestParams: byId("sug_…"),
          ...body(EditSuggestionInput.meta({ id: "EditSuggestionInput" })),
          responses: {
            200: json(SuggestionDecision, "Decided and applied."),
            ...errors,
            409: json(ErrorBody, "The suggestion was already decided."),
          },
        },
      },
      "/api/v1/jobs": {
        get: {
          summary: "Background task runs of the organization, newest first",
          requestParams: { query: ListJobsQuery },
          responses: {
            200: json(JobList.meta({ id: "JobList" }), "Runs with status, attempts and last error."),
            ...errors,
          },
        },
      },
      "/api/v1/rules/backtest": {
        post: {
          summary: "Backtest rule texts or saved rules over stored payments, against the labels",
          ...body(BacktestInput.meta({ id: "BacktestInput" })),
          responses: {
            200: json(
              BacktestResult.meta({ id: "BacktestResult" }),
              "Counts and amounts per decision, fraud caught, legitimate payments hit, precision, recall, examples.",
            ),
            ...errors,
            400: ruleCompileErrors,
          },
        },
      },
      "/api/v1/rules/{id}": {
        get: {
          summary: "One rule with its version history",
          requestParams: byId("rule_…"),
          responses: { 200: json(RuleDetail.meta({ id: "RuleDetail" }), "The rule."), ...errors },
        },
        patch: {
          summary: "Change a rule (text, name, priority, mode, enabled, expiry): a new version",
          requestParams: byId("rule_…"),
          ...body(UpdateRuleInput.meta({ id: "UpdateRuleInput" })),
          responses: { 200: json(RuleView, "The rule as now saved."), ...errors, 400: ruleCompileErrors },
        },
        delete: {
          summary: "Delete a rule and its history",
          requestParams: byId("rule_…"),
          responses: { 204: noContent, ...errors },
        },
      },
      "/api/v1/rules/{id}/versions": {
        get: {
          summary: "Every saved version of a rule, newest first, with the fields each changed",
          requestParams: byId("rule_…"),
          responses: {
            200: json(RuleVersionList.meta({ id: "RuleVersionList" }), "The history."),
            ...errors,
          },
        },
      },
      "/api/v1/lists": {
        post: {
          summary: "Create a named list, read by rules as `@name`",
          ...body(CreateListInput.meta({ id: "CreateListInput" })),
          responses: {
            201: json(ListView.meta({ id: "List" }), "The empty list."),
            ...errors,
            409: json(ErrorBody, "A list with this name exists."),
          },
        },
        get: {
          summary: "List the organization's lists with their item counts",
          responses: { 200: json(ListList.meta({ id: "ListList" }), "Every list."), ...errors },
        },
      },
      "/api/v1/lists/{id}/items": {
        post: {
          summary: "Add values to a list (normalized for its kind), each with an optional expiry",
          requestParams: byId("list_…"),
          ...body(AddListItemsInput.meta({ id: "AddListItemsInput" })),
          responses: {
            201: json(ListItemList.meta({ id: "ListItemList" }), "The items as stored."),
            ...errors,
          },
        },
      },
      "/api/v1/lists/{id}/items/{value}": {
        delete: {
          summary: "Remove one value from a list",
          requestParams: {
            path: z.object({
              id: z.string().meta({ example: "list_…" }),
              value: z
                .string()
                .meta({ description: "The value, URL-encoded.", example: "fraud%40example.com" }),
            }),
          },
          responses: { 204: noContent, ...errors },
        },
      },
      "/api/v1/customers/{id}": {
        delete: {
          summary: "Erase a customer's personal data (GDPR)",
          description:
            "Nulls, pseudonymizes or redacts the customer's personal data everywhere the personal-data registry says it lives (payments, raw Stripe events, detections, explanations, list entries, task payloads, audit details). Payments and labels stay, pseudonymized, so disputes still match. Idempotent: a second call changes nothing. Needs the `write` scope.",
          requestParams: { path: CustomerPath },
          responses: { 200: json(CustomerErasure, "What was erased, per table."), ...errors },
        },
      },
      "/api/v1/customers/{id}/export": {
        get: {
          summary: "Export everything stored about a customer (GDPR access)",
          requestParams: { path: CustomerPath },
          responses: { 200: json(CustomerExport, "The customer's rows, by table."), ...errors },
        },
      },
      "/api/v1/settings": {
        get: {
          summary:
            "The organization's settings: thresholds, time zone, reporting currency, locale, test mode",
          responses: { 200: json(SettingsView, "The settings."), ...errors },
        },
        patch: {
          summary: "Change some settings; payments scored from then on use them",
          description:
            "Only the given fields change. The thresholds must keep `reviewThreshold ≤ blockThreshold` (400 otherwise).",
          ...body(UpdateSettingsInput),
          responses: { 200: json(SettingsView, "The settings as now saved."), ...errors },
        },
      },
      "/api/webhooks/stripe": {
        post: {
          summary: "Stripe webhook endpoint (platform and Connect events)",
          security: [],
          description:
            "Signed by Stripe (`Stripe-Signature`). The event is stored before any processing; a poison event is answered 200 with status `dead`.",
          responses: {
            200: json(WebhookReceipt.meta({ id: "WebhookReceipt" }), "Stored (and processed)."),
            400: errors[400],
            500: json(ErrorBody, "Transient failure: the event is kept and Stripe redelivers it."),
          },
        },
      },
      "/api/stripe/connect": {
        post: {
          summary:
            "Start Stripe Connect OAuth (owner or admin): the authorization URL to send the browser to",
          description:
            "Needs STRIPE_CONNECT_CLIENT_ID and STRIPE_SECRET_KEY. The URL carries a random, single-use state bound to this session, user and organization, valid 15 minutes.",
          security: [{ session: [] }],
          responses: {
            200: json(
              z.object({ url: z.string(), expiresAt: z.iso.datetime() }),
              "Send the browser to `url`.",
            ),
            ...sessionErrors,
          },
        },
      },
      "/api/stripe/connect/callback": {
        get: {
          summary: "Stripe's OAuth redirect: checks state, session and role, stores the connection",
          security: [{ session: [] }],
          requestParams: { query: ConnectCallbackQuery },
          responses: {
            303: { description: "Connected: redirects to `/settings?stripe=connected&account=acct_…`." },
            ...sessionErrors,
            409: json(ErrorBody, "The Stripe account is connected to another organization."),
          },
        },
      },
      "/api/stripe/restricted-key": {
        post: {
          summary:
            "Connect with a restricted key (owner or admin); Orylo creates the webhook endpoint unless a secret is given",
          security: [{ session: [] }],
          ...body(RestrictedKeyInput),
          responses: {
            201: json(RestrictedKeyConnection.meta({ id: "RestrictedKeyConnection" }), "Connected."),
            ...sessionErrors,
          },
        },
      },
      "/api/stripe/disconnect": {
        post: {
          summary: "Disconnect Stripe (owner or admin): processing stops, history is kept",
          security: [{ session: [] }],
          responses: {
            200: json(z.object({ disconnected: z.literal(true) }), "Disconnected."),
            ...sessionErrors,
          },
        },
      },
      "/api/stripe/connection": {
        get: {
          summary: "How the organization reaches Stripe, and its history import's progress",
          security: [{ session: [] }],
          responses: { 200: json(StripeConnectionView, "The connection."), ...sessionErrors },
        },
      },
      "/api/health/ready": {
        get: {
          summary: "Readiness: the database answers",
          security: [],
          responses: {
            200: json(Readiness.meta({ id: "Readiness" }), "Ready."),
            503: json(Readiness, "Not ready."),
          },
        },
      },
    },
  });
}
