import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ApproveResearchRequestSchema,
  CancelResearchRequestSchema,
  ConcludeResearchRequestSchema,
  CreateResearchRequestSchema,
  FindingRequestSchema,
  ResearchReportRequestSchema,
  ResearchSummary,
  ResearchView,
  StartResearchRequestSchema,
  UpdateResearchRequestSchema,
} from "../../features/research/contract";
import { apiFetch } from "./client";
import { usePagedList } from "./paging";

export type { ResearchSummary, ResearchView };
export type ResearchStatus = ResearchSummary["status"];
export type ResearchAbility = keyof ResearchView["abilities"];
export type ResearchMember = ResearchView["team"][number];
export type ResearchFinding = ResearchView["findings"][number];
export type CreateResearchRequest = z.input<typeof CreateResearchRequestSchema>;
export type UpdateResearchRequest = z.input<typeof UpdateResearchRequestSchema>;
export type ApproveResearchRequest = z.input<typeof ApproveResearchRequestSchema>;
export type StartResearchRequest = z.input<typeof StartResearchRequestSchema>;
export type FindingRequest = z.input<typeof FindingRequestSchema>;
export type ResearchReportRequest = z.input<typeof ResearchReportRequestSchema>;
export type ConcludeResearchRequest = z.input<typeof ConcludeResearchRequestSchema>;
export type CancelResearchRequest = z.input<typeof CancelResearchRequestSchema>;

/** The list filters as the address and the API take them (ResearchListQuerySchema without paging). */
export type ResearchFilters = {
  year?: number;
  status?: ResearchStatus;
  leadUnitId?: string;
  q?: string;
};

// A topic's list and its page read the same records, and 结题 discharges obligations: a change reads all of them again.
export const RESEARCH_KEY = ["research"] as const;
const OBLIGATIONS_KEY = ["obligations"] as const;
const INBOX_KEY = ["inbox"] as const;

const topicPath = (id: string) => `/api/research/${encodeURIComponent(id)}`;

/** GET /api/research, page by page, newest first. */
export function useResearchTopics(filters: ResearchFilters) {
  return usePagedList<ResearchSummary>([...RESEARCH_KEY, "list"], "/api/research", { ...filters });
}

/** GET /api/research/:id: the topic with its team, plan, findings, report, discharges and what the user may do. */
export function useResearchTopic(id: string) {
  return useQuery({
    queryKey: [...RESEARCH_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch<ResearchView>(topicPath(id), { signal }),
  });
}

/** After a change to a topic: its answer is its new state; the lists and the obligations it discharges reload. */
function useResearchChange() {
  const client = useQueryClient();
  return async (view: ResearchView) => {
    client.setQueryData([...RESEARCH_KEY, "one", view.id], view);
    await Promise.all([
      client.invalidateQueries({
        queryKey: RESEARCH_KEY,
        predicate: (query) => !(query.queryKey[1] === "one" && query.queryKey[2] === view.id),
      }),
      client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
      client.invalidateQueries({ queryKey: INBOX_KEY }),
    ]);
  };
}

/** A POST or PUT on one topic that answers with the topic. */
function useResearchMutation<T>(id: string, method: "POST" | "PUT", suffix: string) {
  const changed = useResearchChange();
  return useMutation({
    mutationFn: (body: T) => apiFetch<ResearchView>(`${topicPath(id)}${suffix}`, { method, body }),
    onSuccess: changed,
  });
}

/** POST /api/research (the secrecy office): a new topic, 立项中. */
export function useCreateResearch() {
  const changed = useResearchChange();
  return useMutation({
    mutationFn: (body: CreateResearchRequest) => apiFetch<ResearchView>("/api/research", { method: "POST", body }),
    onSuccess: changed,
  });
}

/** PUT /api/research/:id: the proposal while it is 立项中. */
export const useUpdateResearch = (id: string) => useResearchMutation<UpdateResearchRequest>(id, "PUT", "");
/** POST /api/research/:id/approve: 登记立项 — the committee's decision, recorded by the office. */
export const useApproveResearch = (id: string) => useResearchMutation<ApproveResearchRequest>(id, "POST", "/approve");
/** POST /api/research/:id/start: 开始调研. */
export const useStartResearch = (id: string) => useResearchMutation<StartResearchRequest>(id, "POST", "/start");
/** POST /api/research/:id/findings: one more 调研发现. */
export const useRecordFinding = (id: string) => useResearchMutation<FindingRequest>(id, "POST", "/findings");
/** PUT /api/research/:id/report: the 调研报告 (rewritable until 结题). */
export const useWriteResearchReport = (id: string) => useResearchMutation<ResearchReportRequest>(id, "PUT", "/report");
/** POST /api/research/:id/conclude: 结题, which discharges the duty to research. */
export const useConcludeResearch = (id: string) =>
  useResearchMutation<ConcludeResearchRequest>(id, "POST", "/conclude");
/** POST /api/research/:id/cancel: 撤销, with the reason. */
export const useCancelResearch = (id: string) => useResearchMutation<CancelResearchRequest>(id, "POST", "/cancel");
