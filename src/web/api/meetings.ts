import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AddendumRequestSchema,
  AgendaCallRequestSchema,
  AssignTaskRequestSchema,
  AttendanceRequestSchema,
  CancelRequestSchema,
  CommitteeCandidatesSchema,
  CreateMeetingRequestSchema,
  MeetingSummary,
  MeetingView,
  MinutesRequestSchema,
  ProposeRequestSchema,
  SetAgendaRequestSchema,
  SignRequestSchema,
  TaskDecisionRequestSchema,
  TaskProgressRequestSchema,
  TaskReportRequestSchema,
  TaskSummarySchema,
  TaskView,
  UploadSchema,
} from "../../features/meetings/contract";
import { apiDownload, apiFetch } from "./client";
import { usePagedList } from "./paging";

export type { MeetingSummary, MeetingView, TaskView };
export type MeetingStatus = MeetingSummary["status"];
export type MeetingKind = MeetingSummary["kind"];
export type MeetingAbility = keyof MeetingView["abilities"];
export type Proposal = MeetingView["proposals"][number];
export type Material = MeetingView["materials"][number];
export type Attendance = MeetingView["attendance"][number];
export type AttendanceKind = Attendance["kind"];
export type Decision = NonNullable<MeetingView["minutes"]>["decisions"][number];
export type Signer = NonNullable<MeetingView["signer"]>;
export type Addendum = MeetingView["addenda"][number];
export type CommitteeCandidates = z.infer<typeof CommitteeCandidatesSchema>;
export type CreateMeetingRequest = z.input<typeof CreateMeetingRequestSchema>;
export type AgendaCallRequest = z.input<typeof AgendaCallRequestSchema>;
export type ProposeRequest = z.input<typeof ProposeRequestSchema>;
export type SetAgendaRequest = z.input<typeof SetAgendaRequestSchema>;
export type UploadRequest = z.input<typeof UploadSchema>;
export type AttendanceRequest = z.input<typeof AttendanceRequestSchema>;
export type MinutesRequest = z.input<typeof MinutesRequestSchema>;
export type SignRequest = z.input<typeof SignRequestSchema>;
export type AddendumRequest = z.input<typeof AddendumRequestSchema>;
export type CancelRequest = z.input<typeof CancelRequestSchema>;
export type TaskSummary = z.infer<typeof TaskSummarySchema>;
export type TaskStatus = TaskSummary["status"];
export type TaskProgressRequest = z.input<typeof TaskProgressRequestSchema>;
export type TaskReportRequest = z.input<typeof TaskReportRequestSchema>;
export type TaskDecisionRequest = z.input<typeof TaskDecisionRequestSchema>;
export type AssignTaskRequest = z.input<typeof AssignTaskRequestSchema>;
export type TaskOrigin = AssignTaskRequest["origin"];

/** The list filters as the address and the API take them (MeetingListQuerySchema without paging). */
export type MeetingFilters = {
  year?: number;
  kind?: MeetingKind;
  status?: MeetingStatus;
};

/** The task list's filters (TaskListQuerySchema without paging). */
export type TaskFilters = {
  status?: TaskStatus;
  unitId?: string;
  meetingId?: string;
  overdue?: "true" | "false";
};

// A meeting's lists, its page and its committee all read the same records; tasks are born when minutes are signed,
// and a signed meeting discharges obligations: a change to a meeting reads all three again.
export const MEETINGS_KEY = ["meetings"] as const;
export const TASKS_KEY = ["tasks"] as const;
const OBLIGATIONS_KEY = ["obligations"] as const;
const INBOX_KEY = ["inbox"] as const;

const meetingPath = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;
const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

/** GET /api/meetings, page by page, newest first. */
export function useMeetings(filters: MeetingFilters) {
  return usePagedList<MeetingSummary>([...MEETINGS_KEY, "list"], "/api/meetings", { ...filters });
}

/** GET /api/meetings/:id: the meeting with its agenda, materials, attendance, minutes, signer and abilities. */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: [...MEETINGS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch<MeetingView>(meetingPath(id), { signal }),
  });
}

/** GET /api/meetings/:id/committee: who sits on the committee on the meeting day (the attendance form's rows). */
export function useMeetingCommittee(id: string, enabled = true) {
  return useQuery({
    queryKey: [...MEETINGS_KEY, "committee", id],
    queryFn: ({ signal }) => apiFetch<CommitteeCandidates>(`${meetingPath(id)}/committee`, { signal }),
    enabled,
  });
}

/** After a change to a meeting: its answer is its new state; lists, tasks and obligations derived from it reload. */
function useMeetingChange() {
  const client = useQueryClient();
  return async (view: MeetingView) => {
    client.setQueryData([...MEETINGS_KEY, "one", view.id], view);
    await Promise.all([
      client.invalidateQueries({
        queryKey: MEETINGS_KEY,
        predicate: (query) => !(query.queryKey[1] === "one" && query.queryKey[2] === view.id),
      }),
      client.invalidateQueries({ queryKey: TASKS_KEY }),
      client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
      client.invalidateQueries({ queryKey: INBOX_KEY }),
    ]);
  };
}

/** A POST or PUT on one meeting that answers with the meeting. */
function useMeetingMutation<T>(id: string, method: "POST" | "PUT", suffix: string) {
  const changed = useMeetingChange();
  return useMutation({
    mutationFn: (body: T) => apiFetch<MeetingView>(`${meetingPath(id)}${suffix}`, { method, body }),
    onSuccess: changed,
  });
}

/** POST /api/meetings (the secrecy office): a new meeting, 筹备中. */
export function useCreateMeeting() {
  const changed = useMeetingChange();
  return useMutation({
    mutationFn: (body: CreateMeetingRequest) => apiFetch<MeetingView>("/api/meetings", { method: "POST", body }),
    onSuccess: changed,
  });
}

/** POST /api/meetings/:id/agenda-call: opens 议题征集 with a deadline and a note. */
export const useOpenAgendaCall = (id: string) => useMeetingMutation<AgendaCallRequest>(id, "POST", "/agenda-call");

/** POST /api/meetings/:id/proposals: an agenda item proposed on behalf of a unit. */
export const usePropose = (id: string) => useMeetingMutation<ProposeRequest>(id, "POST", "/proposals");

/** PUT /api/meetings/:id/agenda: the accepted items in order, the office's own items, and why the rest were not. */
export const useSetAgenda = (id: string) => useMeetingMutation<SetAgendaRequest>(id, "PUT", "/agenda");

/** POST /api/meetings/:id/materials: one file, base64 (the server refuses any carrying a secrecy marking). */
export const useUploadMaterial = (id: string) => useMeetingMutation<UploadRequest>(id, "POST", "/materials");

/** PUT /api/meetings/:id/attendance: who attended, was on leave or attended without a seat, and when it was held. */
export const useRecordAttendance = (id: string) => useMeetingMutation<AttendanceRequest>(id, "PUT", "/attendance");

/** PUT /api/meetings/:id/minutes: the minutes' text and decisions, for the director's sign-off. */
export const useDraftMinutes = (id: string) => useMeetingMutation<MinutesRequest>(id, "PUT", "/minutes");

/** POST /api/meetings/:id/sign: the director (or a deputy under a delegation) signs with the password re-entered. */
export const useSignMinutes = (id: string) => useMeetingMutation<SignRequest>(id, "POST", "/sign");

/** POST /api/meetings/:id/addenda: a correction or supplement to signed minutes (they are never edited). */
export const useAddAddendum = (id: string) => useMeetingMutation<AddendumRequest>(id, "POST", "/addenda");

/** POST /api/meetings/:id/cancel with the reason (a meeting not yet held). */
export const useCancelMeeting = (id: string) => useMeetingMutation<CancelRequest>(id, "POST", "/cancel");

/** POST /api/meetings/:id/addenda/:addendumId/sign, with the password re-entered. */
export function useSignAddendum(id: string) {
  const changed = useMeetingChange();
  return useMutation({
    mutationFn: ({ addendumId, ...body }: SignRequest & { addendumId: string }) =>
      apiFetch<MeetingView>(`${meetingPath(id)}/addenda/${encodeURIComponent(addendumId)}/sign`, {
        method: "POST",
        body,
      }),
    onSuccess: changed,
  });
}

/** GET /api/meetings/:id/materials/:materialId: the file under the name it was uploaded with. */
export function useMaterialFile(id: string) {
  return useMutation({
    mutationFn: async (material: Material) => {
      const { blob, filename } = await apiDownload(`${meetingPath(id)}/materials/${encodeURIComponent(material.id)}`);
      return { blob, filename: material.name || filename || "material" };
    },
  });
}

/** GET /api/meetings/:id/minutes.docx: the signed minutes as an official document (GB/T 9704 纪要). */
export function useMinutesDocument(id: string) {
  return useMutation({
    mutationFn: async (fallbackName: string) => {
      const { blob, filename } = await apiDownload(`${meetingPath(id)}/minutes.docx`);
      return { blob, filename: filename ?? fallbackName };
    },
  });
}

// ── Tracked tasks (督办) ─────────────────────────────────────────────────────────────────────────────────────

/** GET /api/tasks, page by page (a unit filter covers the units below it too). */
export function useTasks(filters: TaskFilters) {
  return usePagedList<TaskSummary>([...TASKS_KEY, "list"], "/api/tasks", { ...filters });
}

/** GET /api/tasks/:id: the task with its history and what the actor may do. */
export function useTask(id: string) {
  return useQuery({
    queryKey: [...TASKS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch<TaskView>(taskPath(id), { signal }),
  });
}

/**
 * POST /api/tasks (the secrecy office): records a task assigned from above (上级交办) or by the committee or the leaders;
 * it raises an obligation at once, so obligations and 待办 are read again with the task lists.
 */
export function useAssignTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignTaskRequest) => apiFetch<TaskView>("/api/tasks", { method: "POST", body }),
    onSuccess: async (view) => {
      client.setQueryData([...TASKS_KEY, "one", view.id], view);
      await Promise.all([
        client.invalidateQueries({
          queryKey: TASKS_KEY,
          predicate: (query) => !(query.queryKey[1] === "one" && query.queryKey[2] === view.id),
        }),
        client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
        client.invalidateQueries({ queryKey: INBOX_KEY }),
      ]);
    },
  });
}

/** A POST on one task that answers with the task; its lists and the meeting it came from are read again. */
function useTaskMutation<T>(id: string, suffix: "progress" | "report" | "close" | "reopen") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => apiFetch<TaskView>(`${taskPath(id)}/${suffix}`, { method: "POST", body }),
    onSuccess: async (view) => {
      client.setQueryData([...TASKS_KEY, "one", view.id], view);
      await Promise.all([
        client.invalidateQueries({
          queryKey: TASKS_KEY,
          predicate: (query) => !(query.queryKey[1] === "one" && query.queryKey[2] === view.id),
        }),
        client.invalidateQueries({ queryKey: MEETINGS_KEY }),
        client.invalidateQueries({ queryKey: INBOX_KEY }),
      ]);
    },
  });
}

/** POST /api/tasks/:id/progress: what was done so far and how far along (0–100 %). */
export const useTaskProgress = (id: string) => useTaskMutation<TaskProgressRequest>(id, "progress");

/** POST /api/tasks/:id/report: the owner unit reports the task done. */
export const useTaskReport = (id: string) => useTaskMutation<TaskReportRequest>(id, "report");

/** POST /api/tasks/:id/close: the office checks the report and closes the task (核销). */
export const useTaskClose = (id: string) => useTaskMutation<TaskDecisionRequest>(id, "close");

/** POST /api/tasks/:id/reopen: the office sends the task back (退回重办). */
export const useTaskReopen = (id: string) => useTaskMutation<TaskDecisionRequest>(id, "reopen");
