import type { Metadata } from "next";
import { ForeignProbes } from "./ForeignProbes";

export const metadata: Metadata = { title: "Lab: a page on another origin" };

/**
 * Served by this app but opened under its other loopback name, so to the browser it is a
 * different site: it stands for "somebody else's web app" calling our API. It holds no
 * credential of the visitor's — only a throwaway user's token passed in the URL fragment.
 */
export default function Page(): React.ReactNode {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">Another origin calls the API</h1>
      <ForeignProbes />
    </div>
  );
}
