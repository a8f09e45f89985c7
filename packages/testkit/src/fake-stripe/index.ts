export { FakeStripeError, stripeErrors } from "./errors";
export type { OAuthGrant } from "./oauth";
export { fakeCharge, fakePaymentIntent } from "./objects";
export { FAKE_PLATFORM_ACCOUNT, type FakeStripe, type FakeStripeRequest, startFakeStripe } from "./server";
export { type StripeObject, stripeId } from "./store";
