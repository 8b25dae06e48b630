/**
 * The responsibility chain (Art. 1: 业务谁主管、保密谁负责; 分级管理、分层负责): for a unit on a date, who answers for
 * its secrecy work, level by level — the unit head (Art. 6), the leader whose portfolio covers it (Art. 5), the leader
 * in charge of secrecy work (Art. 4), and the principal leaders (Art. 3). Escalation, approval routing and
 * accountability after an incident (Art. 15) all read this; a vacancy is shown as a vacancy, never filled by a guess.
 */
import { type BusinessRole } from "./roles.js";

/** Someone holding a responsibility on the date asked about, and on what basis. */
export interface Holder {
  personId: string;
  personName: string;
  /** An acting appointment (代理/主持工作), shown as such. */
  acting: boolean;
  startsOn: string;
  endsOn: string | null;
  /** The position code or portfolio area it comes from. */
  basis: string;
  /** The unit the appointment or portfolio is in. */
  unitId: string | null;
}

export const CHAIN_LEVELS = ["unitHead", "portfolioLeader", "secrecyLeader", "principalLeaders"] as const;
export type ChainLevel = (typeof CHAIN_LEVELS)[number];

export const CHAIN_ARTICLES: Record<ChainLevel, string> = {
  unitHead: "art6",
  portfolioLeader: "art5",
  secrecyLeader: "art4",
  principalLeaders: "art3",
};

export const CHAIN_ROLES: Record<ChainLevel, readonly BusinessRole[]> = {
  unitHead: ["unitHead"],
  portfolioLeader: ["portfolioLeader"],
  secrecyLeader: ["secrecyLeader"],
  principalLeaders: ["partySecretary", "president"],
};

export interface ChainLink {
  level: ChainLevel;
  article: string;
  holders: Holder[];
  vacant: boolean;
}

/** Builds the chain from each level's holders, in escalation order. */
export function buildChain(holders: Record<ChainLevel, Holder[]>): ChainLink[] {
  return CHAIN_LEVELS.map((level) => ({
    level,
    article: CHAIN_ARTICLES[level],
    holders: holders[level],
    vacant: holders[level].length === 0,
  }));
}

/** The next level up that is not vacant, for escalation; null when everything above is vacant. */
export function nextResponsible(chain: readonly ChainLink[], from: ChainLevel): ChainLink | null {
  const start = CHAIN_LEVELS.indexOf(from) + 1;
  return chain.slice(start).find((link) => !link.vacant) ?? null;
}

/** The unit ids on a materialized path, root first. */
export function pathIds(path: string): string[] {
  return path.split("/").filter(Boolean);
}
