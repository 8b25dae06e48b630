/** The minutes document's facts from a meeting as the API presents it (MeetingView): one mapping, for the .docx. */
import { type MeetingView } from "./contract.js";
import { type MinutesDocument } from "./minutes-docx.js";

export function minutesDocument(meeting: MeetingView): MinutesDocument {
  const names = (kind: string) => meeting.attendance.filter((a) => a.kind === kind).map((a) => a.person.name);
  return {
    institutionName: meeting.institution.name,
    committeeName: "保密委员会",
    title: meeting.title,
    number: meeting.minutesNumber,
    heldAt: meeting.heldAt,
    place: meeting.place,
    chairedBy: meeting.signer?.person.name ?? null,
    present: names("present"),
    onLeave: names("onLeave"),
    nonVoting: names("nonVoting"),
    agenda: meeting.proposals
      .filter((p) => p.status === "accepted")
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((p) => p.title),
    text: meeting.minutes?.text ?? "",
    decisions: (meeting.minutes?.decisions ?? []).map((d) => ({
      text: d.text,
      ownerUnit: d.ownerUnit.name,
      dueOn: d.dueOn,
    })),
    signer: meeting.signer
      ? {
          name: meeting.signer.person.name,
          signedAs: meeting.signer.signedAs,
          delegationPurpose: meeting.signer.delegation?.purpose ?? null,
          signedAt: meeting.signer.signedAt,
          signature: meeting.signer.signature,
        }
      : null,
    addenda: meeting.addenda.map((a) => ({
      text: a.text,
      signerName: a.signer?.person.name ?? null,
      signedAt: a.signer?.signedAt ?? null,
    })),
    citation: `《实施细则》${meeting.citation}`,
  };
}
