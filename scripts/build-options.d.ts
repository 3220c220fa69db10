export declare const DEV_URL: string;
export declare const CDN_OFFICE_JS: string;
export declare function readBuildOptions(env: Record<string, string | undefined>): {
  addinUrl: string;
  officeJsUrl: string;
};
export declare function rewriteManifest(xml: string, addinUrl: string): string;
export declare const CDN_21VIANET_OFFICE_JS: string;
export declare function renderServerConfig(text: string, addinUrl: string): string;
export declare const DEFAULT_SUPPORT: string;
export declare function readSupport(env: Record<string, string | undefined>): string;
