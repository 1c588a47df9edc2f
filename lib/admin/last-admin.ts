import type { Role } from "../roles.ts";

/**
 * "Never leave no admin": an app whose last active admin is demoted or disabled has nobody
 * left who can undo it short of editing the database. Pure, so the rule is tested apart from
 * the transaction that applies it (lib/admin/last-admin-check.ts).
 */

export type AccountChange = { kind: "role"; role: Role } | { kind: "disable" } | { kind: "enable" } | { kind: "end_all" };

export interface AdminCensus {
  /** The target, as its row stands now. */
  target: { role: Role; disabled: boolean };
  /** Active (not disabled) admins other than the target. */
  otherActiveAdmins: number;
}

export function removesAnAdmin(target: AdminCensus["target"], change: AccountChange): boolean {
  if (target.role !== "admin" || target.disabled) return false;
  return (change.kind === "role" && change.role !== "admin") || change.kind === "disable";
}

export function leavesNoAdmin(census: AdminCensus, change: AccountChange): boolean {
  return removesAnAdmin(census.target, change) && census.otherActiveAdmins === 0;
}
