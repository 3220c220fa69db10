/**
 * Build-time options of the Office add-in, read from environment variables (like the Office templates' urlDev/urlProd):
 *   KH_ADDIN_URL       where the built dist/ folder is served, e.g. https://intranet.example/kaohe/ — every
 *                      https://localhost:3000/ in manifest.xml is rewritten to it. Unset: the dev URL stays.
 *   KH_OFFICE_JS_URL   where the pages load office.js from. Unset: Microsoft's CDN. `21vianet` (or `china`): the CDN of
 *                      Microsoft 365 operated by 21Vianet (世纪互联), which tenants in China must use. For an intranet
 *                      without internet access, an https URL or a path on the add-in's own server (/office-js/office.js)
 *                      — fine for internal use, but Marketplace (AppSource) submissions must use Microsoft's CDN.
 *   KH_SUPPORT         who supports this deployment, shown on help.html (the manifest's SupportUrl), e.g.
 *                      "县目标办 张三 0871-1234567". Unset: a line asking the clerk to contact whoever deployed it.
 * Kept apart from webpack.config.js so tests can check the rules without running webpack.
 */
"use strict";

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Microsoft's "Referencing the Office JavaScript API library": the CDN for Office 365 operated by 21Vianet. */
const CDN_21VIANET_OFFICE_JS = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";
const OFFICE_JS_PRESETS = { "21vianet": CDN_21VIANET_OFFICE_JS, china: CDN_21VIANET_OFFICE_JS };

/** Characters that would break out of an HTML attribute or an XML attribute. */
const UNSAFE = /[\s"'<>&`\\]/;

function fail(message) {
  throw new Error(`[build] ${message}`);
}

/** The add-in's base URL: absolute https, no query or fragment, always ending in "/". */
function normalizeAddinUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`KH_ADDIN_URL 不是有效的网址：${value} (KH_ADDIN_URL is not a valid URL)`);
  }
  if (url.protocol !== "https:") fail(`KH_ADDIN_URL 必须以 https:// 开头（Office 只加载 https 页面）：${value}`);
  if (url.search || url.hash || url.username || url.password) {
    fail(`KH_ADDIN_URL 不能带查询串、锚点或账号：${value} (no query, fragment or credentials)`);
  }
  if (UNSAFE.test(value)) fail(`KH_ADDIN_URL 含有不允许的字符：${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** office.js location: an absolute https URL, or a path served by the add-in's own server. */
function normalizeOfficeJsUrl(value) {
  const preset = OFFICE_JS_PRESETS[value.toLowerCase()];
  if (preset) return preset;
  if (UNSAFE.test(value)) fail(`KH_OFFICE_JS_URL 含有不允许的字符：${value}`);
  if (value.startsWith("//")) fail(`KH_OFFICE_JS_URL 请写完整的 https:// 网址：${value}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url;
    try {
      url = new URL(value);
    } catch {
      fail(`KH_OFFICE_JS_URL 不是有效的网址：${value}`);
    }
    if (url.protocol !== "https:") fail(`KH_OFFICE_JS_URL 必须是 https:// 网址或本站路径：${value}`);
    return url.href;
  }
  return value;
}

/** The support line of help.html when KH_SUPPORT is not given. */
const DEFAULT_SUPPORT = "请联系为本单位部署考核助手的信息中心或目标办（部署时可用 KH_SUPPORT 写明联系人和电话）。";

/**
 * @param {Record<string, string | undefined>} env usually process.env
 * @returns {{ addinUrl: string, officeJsUrl: string }}
 */
function readBuildOptions(env) {
  const addin = (env.KH_ADDIN_URL || "").trim();
  const officeJs = (env.KH_OFFICE_JS_URL || "").trim();
  return {
    addinUrl: addin ? normalizeAddinUrl(addin) : DEV_URL,
    officeJsUrl: officeJs ? normalizeOfficeJsUrl(officeJs) : CDN_OFFICE_JS,
  };
}

/** The support contact for help.html (KH_SUPPORT), as HTML-safe text. */
function readSupport(env) {
  const text = (env.KH_SUPPORT || "").trim() || DEFAULT_SUPPORT;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The manifest with every dev URL pointing at the production location. */
function rewriteManifest(xml, addinUrl) {
  return xml.split(DEV_URL).join(addinUrl);
}

/**
 * A server config of deploy/ (IIS web.config, nginx snippet) for the server the build is for: {{BASE_PATH}} is the
 * path of KH_ADDIN_URL ("/kaohe/"), {{BASE_PATH_RE}} the same as an nginx regular expression.
 */
function renderServerConfig(text, addinUrl) {
  const base = new URL(addinUrl).pathname;
  const re = base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.split("{{BASE_PATH_RE}}").join(re).split("{{BASE_PATH}}").join(base);
}

module.exports = {
  DEV_URL,
  CDN_OFFICE_JS,
  CDN_21VIANET_OFFICE_JS,
  DEFAULT_SUPPORT,
  readBuildOptions,
  readSupport,
  rewriteManifest,
  renderServerConfig,
};
