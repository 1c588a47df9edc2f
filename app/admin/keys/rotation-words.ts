/**
 * What a rotation does while an earlier one's key still waits to sign: said before doing it.
 * Times as ISO strings (UTC), the form the key table's rows carry too.
 */
export function secondRotationWords(waiting: { kid: string; activatesAt: string }, publishLeadSeconds: number): string {
  return (
    `Key ${waiting.kid} is already published and waiting: it signs from ${waiting.activatesAt.replace("T", " ").replace(/\.\d+Z$/, " UTC")}. ` +
    `Rotating again publishes another key that signs ${publishLeadSeconds} s from now; ${waiting.kid} then signs only until that one does, ` +
    "and the key signing now still stops when it was going to. Nothing breaks (tokens from every key keep verifying for their life), " +
    "but the JWKS carries one more key, and a leaked key is retired with “Retire now”, not by rotating twice."
  );
}
