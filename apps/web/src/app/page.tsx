export default function Home() {
  return (
    <main>
      <h1>Orylo</h1>
      <p>Fraud detection for Stripe merchants.</p>
    </main>
  );
}
