#!/usr/bin/env node
/**
 * `npm run package:wps`: the WPS add-in (dist/wps, from `npm run build:wps`) as an offline package with every
 * install route, for offices without internet (docs/wps.md tells the steps):
 *
 *   dist/wps-package/
 *     kaohe_<version>/          the add-in folder, laid out as WPS's jsaddons folder expects (name_version)
 *     kaohe.7z                  the same folder as the 7z archive WPS downloads for an offline (离线) add-in
 *     publish.xml               the jsaddons list entry for kaohe_<version> (what the install scripts merge)
 *     install-linux.sh          per-user install on UOS / Kylin / other Linux: ~/.local/share/Kingsoft/wps/jsaddons
 *     install-windows.bat/.ps1  per-user install on Windows: %APPDATA%\kingsoft\wps\jsaddons
 *     web/                      route 1, an intranet web server: publish.html + kaohe.7z (+ the folder, for 在线)
 *     it/                       route 2, IT-managed: jsplugins.xml for Windows, Linux (and a server, with --server)
 *                               and oem.ini.txt, the lines to add to WPS's oem.ini
 *     说明.txt                  the short version of docs/wps.md
 *
 *   node scripts/package-wps.js [--dist dist/wps] [--out dist/wps-package] [--server http://内网服务器/kaohe/]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
/** The add-in's name in WPS: ASCII, as WPS's folder names and publish lists need. */
const NAME = "kaohe";
const TYPE = "et";
/** Machine-wide folders of the IT-managed route. */
const IT_DIR = { windows: "C:\\ProgramData\\Kaohe", linux: "/opt/kaohe" };

const xmlAttr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function folderName(version) {
  return `${NAME}_${version}`;
}

/** The entry of the local publish.xml in jsaddons for an add-in unpacked there as name_version. */
function publishEntry(version) {
  return `<jsplugin name="${NAME}" type="${TYPE}" url="${folderName(version)}" version="${xmlAttr(version)}" enable="enable_dev" install="null" customDomain=""/>`;
}

function publishXml(version) {
  return `<jsplugins>\n  ${publishEntry(version)}\n</jsplugins>\n`;
}

/** jsplugins.xml (the list oem.ini's JSPluginsServer names) for the 7z at `archiveUrl`. */
function jspluginsXml(version, archiveUrl) {
  return `<jsplugins>\n  <jsplugin name="${NAME}" type="${TYPE}" url="${xmlAttr(archiveUrl)}" version="${xmlAttr(version)}" enable="true"/>\n</jsplugins>\n`;
}

/** The oem.ini lines (WPS's office6/cfgs/oem.ini) that turn JS add-ins on and name the jsplugins.xml. */
function oemIniLines(jspluginsLocation) {
  return ["[Support]", "JsApiPlugin=true", "JsApiShowWebDebugger=false", "[Server]", `JSPluginsServer=${jspluginsLocation}`].join("\r\n") + "\r\n";
}

function fileUrl(p) {
  return p.startsWith("/") ? `file://${p}` : `file:///${p.replace(/\\/g, "/")}`;
}

function linuxInstaller(version) {
  const dir = folderName(version);
  return `#!/bin/sh
# 考核助手 WPS 加载项：为当前用户安装（统信 UOS、麒麟等 Linux）。用法：sh install-linux.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ADDONS="$HOME/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$ADDONS"
# 旧版本的文件夹先删掉，再放入新版本
rm -rf "$ADDONS"/${NAME}_*
cp -R "$HERE/${dir}" "$ADDONS/"
PUB="$ADDONS/publish.xml"
ENTRY='${publishEntry(version)}'
if [ -f "$PUB" ] && grep -q "<jsplugins" "$PUB"; then
  # 保留其他加载项，只替换考核助手这一条
  sed -e 's#<jsplugins[[:space:]]*/>#<jsplugins></jsplugins>#' \\
      -e 's#<jsplugin [^>]*name="${NAME}"[^>]*/>##g' \\
      -e "s#</jsplugins>#  $ENTRY\\n</jsplugins>#" "$PUB" > "$PUB.kaohe-tmp"
  mv "$PUB.kaohe-tmp" "$PUB"
else
  printf '<jsplugins>\\n  %s\\n</jsplugins>\\n' "$ENTRY" > "$PUB"
fi
echo "已安装考核助手 ${version} 到 $ADDONS/${dir}"
echo "请关闭所有 WPS 窗口后重新打开 WPS 表格，功能区会出现“考核助手”选项卡。"
`;
}

function windowsInstallerPs1(version) {
  const dir = folderName(version);
  return `# 考核助手 WPS 加载项：为当前用户安装（Windows）。由 install-windows.bat 调用。
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$addons = Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons'
New-Item -ItemType Directory -Force -Path $addons | Out-Null
Get-ChildItem -Path $addons -Directory -Filter '${NAME}_*' | Remove-Item -Recurse -Force
Copy-Item -Recurse -Force (Join-Path $here '${dir}') (Join-Path $addons '${dir}')
$pub = Join-Path $addons 'publish.xml'
$entry = '${publishEntry(version)}'
$xml = ''
if (Test-Path $pub) { $xml = [IO.File]::ReadAllText($pub) }
if ($xml -notmatch '<jsplugins') { $xml = '<jsplugins></jsplugins>' }
$xml = $xml -replace '<jsplugins\\s*/>', '<jsplugins></jsplugins>'
$xml = $xml -replace '<jsplugin\\s[^>]*name="${NAME}"[^>]*/>\\s*', ''
$xml = $xml -replace '</jsplugins>', ("  " + $entry + [Environment]::NewLine + '</jsplugins>')
[IO.File]::WriteAllText($pub, $xml, (New-Object System.Text.UTF8Encoding($false)))
Write-Host "已安装考核助手 ${version} 到 $addons\\${dir}"
Write-Host '请关闭所有 WPS 窗口后重新打开 WPS 表格，功能区会出现“考核助手”选项卡。'
`;
}

const WINDOWS_BAT = `@echo off\r\nrem Kaohe (kaohe) WPS add-in: per-user install. Runs install-windows.ps1 next to this file.\r\npowershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-windows.ps1"\r\npause\r\n`;

/** The intranet page: installs the add-in through WPS's local service, from the 7z next to the page. */
function publishHtml(version) {
  const addon = { name: NAME, addonType: TYPE, version, archive: "kaohe.7z", folder: `${folderName(version)}/` };
  return fs.readFileSync(path.join(ROOT, "wps/publish.html"), "utf8").replace("/*KH_ADDON*/null", JSON.stringify(addon));
}

function readme(version, server) {
  return [
    `考核助手 WPS 加载项 ${version} 离线安装包（需要 WPS 2019 或更高版本）`,
    "",
    "KH.* 函数对 WPS 版本的要求：",
    "  Windows：WPS 12.1.0.20540 或更高版本（“帮助 › 关于 WPS”可查版本号）。",
    "  统信 UOS / 麒麟：Linux 版 WPS 的版本号是 12.8.2.x（例如 12.8.2.26885），与 Windows 的编号不同，",
    "                   不要按 12.1.0.20540 比较；已知 12.8.2.26885 上可用。",
    "",
    "安装后都要：关闭所有 WPS 窗口，重新打开 WPS 表格。第一次打开时 WPS 可能询问是否信任此加载项",
    "（按加载项的来源地址询问），点“信任”后再关闭、重新打开一次 WPS，功能区才会出现“考核助手”选项卡。",
    "",
    "一、单台电脑，当前用户（无需管理员）",
    "  Windows：双击 install-windows.bat。",
    "  统信 UOS / 麒麟：在本文件夹打开终端，运行  sh install-linux.sh",
    "",
    "二、内网网页安装（适合全单位；个人版 WPS 请用这一种或第一种）",
    "  把 web 文件夹里的全部文件放到内网网站的同一个目录下，例如 http://内网服务器/kaohe/ 。",
    "  各电脑用浏览器打开 http://内网服务器/kaohe/publish.html ，点“安装”。",
    "",
    "三、信息中心统一部署（修改 WPS 的 oem.ini；只适用于企业版、专业版 WPS——",
    "    个人版 WPS 12.1.0.16910 及以后的版本不再读取 oem.ini 里的 jsplugins.xml）",
    `  Windows：把 kaohe.7z 和 it/windows/jsplugins.xml 复制到 ${IT_DIR.windows}\\ ，`,
    "          在 WPS 安装目录 office6\\cfgs\\oem.ini 末尾加入 it/oem.ini.txt 中 Windows 的几行。",
    `  Linux ：把 kaohe.7z 和 it/linux/jsplugins.xml 复制到 ${IT_DIR.linux}/ ，`,
    "          在 /opt/kingsoft/wps-office/office6/cfgs/oem.ini（或 /opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/cfgs/oem.ini）",
    "          末尾加入 it/oem.ini.txt 中 Linux 的几行。",
    server ? `  内网服务器：把 kaohe.7z 和 it/server/jsplugins.xml 放到 ${server} ，oem.ini 用“内网服务器”的几行。` : "  （用 --server 参数打包时，还会生成指向内网服务器的 jsplugins.xml。）",
    "",
    "任务窗格停靠在右侧时，若功能区的按钮点不动、关不掉任务窗格：点任务窗格右上角的“收起”。",
    "",
    "详细步骤见源码中的 docs/wps.md。",
    "",
  ].join("\r\n");
}

function sevenZip() {
  const bin = require("7zip-bin").path7za;
  // npm does not keep the executable bit of 7zip-bin's binaries on every platform.
  try {
    fs.chmodSync(bin, 0o755);
  } catch {
    // read-only install: try as it is
  }
  return bin;
}

/** Build the package from `dist` into `out` (emptied first). Returns the list of files written, relative to `out`. */
function makePackage({ dist, out, version, server }) {
  if (!fs.existsSync(path.join(dist, "ribbon.xml")) || !fs.existsSync(path.join(dist, "main.js"))) {
    throw new Error(`没有找到 WPS 加载项的构建结果（${dist}）。请先运行 npm run build:wps。`);
  }
  if (server && !/^https?:\/\/.+\/$/.test(server)) throw new Error(`--server 应是以 / 结尾的 http(s) 地址，例如 http://10.1.2.3/kaohe/ ，而不是：${server}`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const dir = folderName(version);
  const write = (rel, content, mode) => {
    const p = path.join(out, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    if (mode) fs.chmodSync(p, mode);
  };

  fs.cpSync(dist, path.join(out, dir), { recursive: true, filter: (src) => !src.endsWith(".map") });
  // The archive holds the folder kaohe_<version>/ at its top, as WPS unpacks it into jsaddons.
  execFileSync(sevenZip(), ["a", "-t7z", "-mx=9", "-bd", "-y", path.join(out, "kaohe.7z"), dir], { cwd: out, stdio: "pipe" });

  write("publish.xml", publishXml(version));
  write("install-linux.sh", linuxInstaller(version), 0o755);
  write("install-windows.ps1", "\ufeff" + windowsInstallerPs1(version).replace(/\n/g, "\r\n"));
  write("install-windows.bat", WINDOWS_BAT);

  write("web/publish.html", publishHtml(version));
  fs.copyFileSync(path.join(out, "kaohe.7z"), path.join(out, "web/kaohe.7z"));
  fs.cpSync(path.join(out, dir), path.join(out, "web", dir), { recursive: true });

  write("it/windows/jsplugins.xml", jspluginsXml(version, fileUrl(`${IT_DIR.windows}\\kaohe.7z`)));
  write("it/linux/jsplugins.xml", jspluginsXml(version, fileUrl(`${IT_DIR.linux}/kaohe.7z`)));
  const oem = [
    "; 考核助手：加到 WPS 的 oem.ini 末尾（若已有 [Support] 或 [Server] 段，把这几行并入该段）。",
    "; Windows：<WPS 安装目录>\\office6\\cfgs\\oem.ini",
    oemIniLines(`${IT_DIR.windows}\\jsplugins.xml`),
    "; Linux（统信 UOS、麒麟）：/opt/kingsoft/wps-office/office6/cfgs/oem.ini",
    ";   或 /opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/cfgs/oem.ini",
    oemIniLines(`${fileUrl(`${IT_DIR.linux}/jsplugins.xml`)}`),
  ];
  if (server) {
    write("it/server/jsplugins.xml", jspluginsXml(version, `${server}kaohe.7z`));
    oem.push("; 内网服务器（各电脑相同）：", oemIniLines(`${server}jsplugins.xml`));
  }
  write("it/oem.ini.txt", "\ufeff" + oem.join("\r\n"));
  write("说明.txt", "\ufeff" + readme(version, server));

  const files = [];
  const walk = (d) => {
    for (const f of fs.readdirSync(d)) {
      const p = path.join(d, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else files.push(path.relative(out, p).split(path.sep).join("/"));
    }
  };
  walk(out);
  return files.sort();
}

function parseArgs(argv) {
  const args = { dist: path.join(ROOT, "dist/wps"), out: path.join(ROOT, "dist/wps-package"), server: undefined };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (!["dist", "out", "server"].includes(key) || argv[i + 1] === undefined) throw new Error(`无法识别的参数：${argv[i]}（可用 --dist、--out、--server）`);
    args[key] = key === "server" ? argv[++i] : path.resolve(argv[++i]);
  }
  return args;
}

if (require.main === module) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const version = require(path.join(ROOT, "package.json")).version;
    const files = makePackage({ ...args, version });
    console.log(`考核助手 WPS 加载项 ${version} 已打包到 ${args.out}（${files.length} 个文件）`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

module.exports = { makePackage, publishXml, publishEntry, jspluginsXml, oemIniLines, folderName, NAME, IT_DIR };
