import { test } from "node:test";
import assert from "node:assert/strict";
import { edges } from "./edge-registry.ts";

test("session mode recovers at its login page, keeping a safe next", () => {
  assert.equal(edges.session.recoveryPath("/session/dashboard"), "/session/login?next=%2Fsession%2Fdashboard");
  assert.equal(edges.session.recoveryPath(null), "/session/login");
});

test("JWT mode recovers at its refresh endpoint, keeping a safe next", () => {
  assert.equal(edges.jwt.recoveryPath("/jwt/dashboard?x=1"), "/api/jwt/refresh?next=%2Fjwt%2Fdashboard%3Fx%3D1");
  assert.equal(edges.jwt.recoveryPath(null), "/api/jwt/refresh");
});

test("an unsafe next is dropped in both modes", () => {
  assert.equal(edges.session.recoveryPath("//evil.example"), "/session/login");
  assert.equal(edges.jwt.recoveryPath("https://evil.example/"), "/api/jwt/refresh");
});

test("each mode guards exactly its pages on disk, login excepted (anything else is a 404)", async () => {
  const { readdirSync } = await import("node:fs");
  for (const mode of ["session", "jwt"] as const) {
    const pages = (readdirSync(`app/${mode}`, { recursive: true }) as string[])
      .filter((file) => file.endsWith("page.tsx"))
      .map((file) => `/${mode}/${file.replace(/\/?page\.tsx$/, "")}`.replace(/\/$/, ""))
      .filter((path) => path !== `/${mode}/login`);
    assert.deepEqual([...edges[mode].protectedPages].sort(), pages.sort());
  }
});
