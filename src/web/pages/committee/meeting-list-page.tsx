import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type MeetingFilters, useMeetings } from "../../api/meetings";
import { allowed, useCurrentUser } from "../../app/access";
import { ExportButton, ListCard } from "../../components/list-parts";
import { CommitteePageHeader } from "./committee-page-header";
import { CreateMeetingModal } from "./create-meeting-modal";
import { meetingFiltersFrom, paramsOf } from "./meeting-filters";
import { MeetingFilterForm } from "./meeting-filter-form";
import { MeetingTable } from "./meeting-table";

/**
 * 会议: the committee's regular and extraordinary meetings and the institution-wide conference, newest first, filtered
 * by year, kind and status (kept in the address). The secrecy office calls a new one.
 */
export function MeetingListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = meetingFiltersFrom(params);
  const list = useMeetings(filters);
  const [creating, setCreating] = useState(false);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const apply = (next: MeetingFilters) => setParams(paramsOf(next), { replace: true });

  return (
    <>
      <CommitteePageHeader
        page="meetings"
        extra={
          <Space wrap>
            <ExportButton path="/api/meetings" filters={filters} fallbackName="会议.xlsx" />
            {allowed(me, "meeting.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("committee.create.open")}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="audit-filters">
        <MeetingFilterForm filters={filters} onApply={apply} />
      </Card>
      <ListCard list={list}>
        <MeetingTable
          items={list.items}
          loading={list.isPending}
          empty={filtered ? t("common.noMatch") : t("committee.meetings.empty")}
        />
      </ListCard>
      {creating && <CreateMeetingModal onClose={() => setCreating(false)} />}
    </>
  );
}
