/**
 * The bulletin document's wording that a scheme may set (`bulletin.office`, `.salutation`, `.closing`, SPEC §4), and
 * what a township's 目标办 writes when it does not.
 */
import { Scheme } from "./scheme/types";

export interface BulletinWords {
  /** The issuing office (发文单位), in the header line and over the date at the end. */
  office: string;
  /** The salutation (主送), ending with a full-width colon. */
  salutation: string;
  /** The closing sentence before the sender. */
  closing: string;
}

export const DEFAULT_BULLETIN: BulletinWords = {
  office: "镇目标管理考核办公室",
  salutation: "各村（社区）、镇直各单位：",
  closing: "请各单位对照通报，查找差距，采取有力措施，确保按时保质完成全年目标任务。",
};

export function bulletinWords(scheme: Pick<Scheme, "bulletin">): BulletinWords {
  const b = scheme.bulletin ?? {};
  const salutation = b.salutation?.trim() || DEFAULT_BULLETIN.salutation;
  return {
    office: b.office?.trim() || DEFAULT_BULLETIN.office,
    // A salutation typed without its colon gets one.
    salutation: /[：:]$/.test(salutation) ? salutation.replace(/:$/, "：") : `${salutation}：`,
    closing: b.closing?.trim() || DEFAULT_BULLETIN.closing,
  };
}
