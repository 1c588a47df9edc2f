import { inlineLink } from "@/app/components/link-style";
import { sampleTokenSizes } from "@/lib/auth/jwt/keys/token-sizes";
import { Command } from "@/app/components/Command";

/** Which JWT algorithm this server signs with, and what each would weigh. */
export async function SigningFacts(): Promise<React.ReactNode> {
  const { inUse, bytes, verifyMicros, samples } = await sampleTokenSizes(new Date());
  return (
    <section aria-labelledby="signing" className="max-w-3xl rounded-xl border border-slate-200 bg-white p-6 text-sm">
      <h2 id="signing" className="font-semibold">
        JWT signing: {inUse}
      </h2>
      <p className="mt-1 text-slate-600">
        {inUse === "EdDSA"
          ? "Ed25519 key pairs from the database, a kid in every header; anyone can verify with the public keys at "
          : "One shared secret (JWT_SECRET): whoever verifies can also sign, so the JWKS at "}
        <a href="/.well-known/jwks.json" className={inlineLink}>
          /.well-known/jwks.json
        </a>
        {inUse === "EdDSA" ? "." : " is empty."} An access token weighs <strong>{bytes[inUse]} bytes</strong> with {inUse}; the other choice
        would give {inUse === "EdDSA" ? `${bytes.HS256} bytes with HS256` : `${bytes.EdDSA} bytes with EdDSA`} (the 64-byte Ed25519
        signature and the kid against HMAC&apos;s 32 bytes). One full verify takes{" "}
        <strong>{verifyMicros[inUse]} µs</strong> with {inUse} and {inUse === "EdDSA" ? `${verifyMicros.HS256} µs with HS256` : `${verifyMicros.EdDSA} µs with EdDSA`} (medians of{" "}
        {samples} each, measured once by this process with throwaway keys). The price of EdDSA buys verification anywhere without the
        power to sign. Per request, in context: <Command inline command="npm run bench:http" />.
      </p>
    </section>
  );
}
