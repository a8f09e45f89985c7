// Boots the process once at server start (migrations, demo merchant, banner, task host) so the first
// Stripe delivery does not pay for it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getRuntime } = await import("./server/runtime");
  await getRuntime();
}
