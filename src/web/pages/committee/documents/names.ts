import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import {
  AUDIENCE_NAMES,
  type DocumentAudience,
  DOCUMENT_STATUS_NAMES,
  type DocumentStatus,
  STUDY_ATTENDANCE_NAMES,
  STUDY_FORM_NAMES,
  type StudyAttendanceKind,
  type StudyForm,
} from "../../../../features/document-studies/contract";
import { localized } from "../../../components/format";

export {
  DOCUMENT_AUDIENCES,
  DOCUMENT_STATUSES,
  STUDY_ATTENDANCE_KINDS,
  STUDY_FORMS,
} from "../../../../features/document-studies/contract";

/** The briefing vocabulary in the interface language (the server sends the Chinese names too). */
export function useDocumentNames() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    audience: useCallback((a: DocumentAudience) => localized(AUDIENCE_NAMES[a], language), [language]),
    status: useCallback((s: DocumentStatus) => localized(DOCUMENT_STATUS_NAMES[s], language), [language]),
    form: useCallback((f: StudyForm) => localized(STUDY_FORM_NAMES[f], language), [language]),
    attendance: useCallback((k: StudyAttendanceKind) => localized(STUDY_ATTENDANCE_NAMES[k], language), [language]),
  };
}

/** The address of one received document. */
export function documentUrl(id: string): string {
  return `/committee/documents/${encodeURIComponent(id)}`;
}
