/** An answer to every item of the shipped unit checklist (unit-inspection): all pass but the carriers' register. */
export const ALL_RESULTS = [
  { itemId: "org.agenda", outcome: "pass", score: 9 },
  { itemId: "org.rules", outcome: "pass", score: 8.5 },
  { itemId: "org.problems", outcome: "pass" },
  { itemId: "daily.personnel", outcome: "pass", score: 10 },
  { itemId: "daily.carriers", outcome: "fail", score: 4, note: "台账缺少 3 份载体的销毁记录" },
  { itemId: "daily.exchange", outcome: "na" },
  { itemId: "daily.systems", outcome: "pass" },
];
