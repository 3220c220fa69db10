/**
 * The GB/T 9704-2012 page and type (SPEC §4): A4, margins top 37 / bottom 35 / left 28 / right 26 mm; title 小标宋
 * 二号, body 仿宋 三号 at an exact 28-point line, 黑体 for 一、 and 楷体 for （一） headings; page numbers “— 1 —”
 * in 宋体 四号. Sizes are in half-points as Word writes them (二号 22 pt, 三号 16 pt, 四号 14 pt).
 */
export const MM = 56.6929; // twips per millimetre

export const PAGE = {
  width: Math.round(210 * MM),
  height: Math.round(297 * MM),
  margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
};

/** Each font with what Word and WPS fall back to when the 方正 / _GB2312 font is not installed (fontTable altName). */
export const FONTS = {
  title: { name: "方正小标宋简体", fallback: "宋体" },
  body: { name: "仿宋_GB2312", fallback: "仿宋" },
  heading: { name: "黑体", fallback: "SimHei" },
  subheading: { name: "楷体_GB2312", fallback: "楷体" },
  pageNumber: { name: "宋体", fallback: "SimSun" },
} as const;

export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 } as const;

/** 28 points, exact: the line pitch of the body (22 lines a page). */
export const LINE = 560;
/** Two characters of 三号 (16 pt): the first-line indent of a body paragraph. */
export const INDENT = 640;
