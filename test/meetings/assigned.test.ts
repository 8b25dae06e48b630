/**
 * Tasks assigned from above (上级交办, 第九条第（五）项) and by the committee (第十三条第（十）项): recording one raises the
 * obligation, the owner unit reports it done, the office closes it, and the obligation is fulfilled.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";

interface TaskJson {
  id: string;
  status: string;
  ownerUnit: { name: string };
  assignedBy: string | null;
  documentNo: string | null;
}

describe.each(testDialects)("assigned tasks on %s", (dialect) => {
  let w: ObligationWorld;
  beforeAll(async () => {
    w = await obligationWorld(dialect);
    w.setDay("2027-03-01");
    await w.materialize(2027);
  }, 120_000);
  afterAll(() => w.t.close());

  const obligationOf = (duty: string) =>
    w.app.db.kysely.selectFrom("obligation").select(["state", "record_kind"]).where("duty_id", "=", duty).execute();

  it("records a task from above, and closing it fulfils the obligation its event raised", async () => {
    const office = await w.as("office");
    const created = await office.post("/api/tasks", {
      origin: "higher",
      assignedBy: "省委保密委员会",
      documentNo: "粤保委〔2027〕5号",
      title: "开展涉密人员保密管理专项检查并报送情况",
      ownerUnitId: w.units.a.id,
      dueOn: "2027-04-30",
    });
    expect(created.statusCode).toBe(201);
    const task = created.json<TaskJson>();
    expect(task).toMatchObject({ assignedBy: "省委保密委员会", documentNo: "粤保委〔2027〕5号", status: "open" });
    expect(await obligationOf("art9.5.assigned-task")).toEqual([{ state: "open", record_kind: null }]);

    const headA = await w.as("headA");
    expect(
      (await headA.post(`/api/tasks/${task.id}/report`, { summary: "专项检查已完成，情况已报送" })).statusCode,
    ).toBe(200);
    expect((await office.post(`/api/tasks/${task.id}/close`, { note: "核查属实" })).statusCode).toBe(200);
    expect(await obligationOf("art9.5.assigned-task")).toEqual([
      { state: "fulfilled", record_kind: "assignedTask.completed" },
    ]);
  });

  it("gives a task from the committee to the secrecy office by default; refuses others and bad input", async () => {
    const office = await w.as("office");
    const created = await office.post("/api/tasks", {
      origin: "committee",
      assignedBy: "保密委员会主任",
      title: "修订学校保密工作管理办法",
      dueOn: "2027-06-30",
    });
    expect(created.json<TaskJson>().ownerUnit.name).toBe("保密办公室");
    expect(await obligationOf("art13.10.assigned-tasks")).toHaveLength(1);
    const headA = await w.as("headA");
    const refused = await headA.post("/api/tasks", {
      origin: "higher",
      assignedBy: "某机关",
      title: "越权登记",
      dueOn: "2027-06-30",
    });
    expect(refused.statusCode).toBe(403);
    const bad = await office.post("/api/tasks", {
      origin: "higher",
      assignedBy: "某",
      title: "任务",
      dueOn: "2027-02-30",
    });
    expect(bad.statusCode).toBe(400);
  });
});
