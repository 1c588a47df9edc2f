/**
 * Instead of a warm figure that can never arrive: with SESSION_CACHE=off no check is answered
 * from a cache, so "not measured yet" would be a promise this configuration cannot keep.
 */
export function CacheOffNote(): React.ReactNode {
  return (
    <>
      Never measured with this server&apos;s <code className="font-mono">SESSION_CACHE=off</code>: every check reads the database, so none is
      answered from a cache. Start it with <code className="font-mono">SESSION_CACHE=push</code> (or <code className="font-mono">cookie</code>) to
      measure warm checks.
    </>
  );
}
