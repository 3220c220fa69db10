import type { Compiler } from "webpack";
declare class LocalizedFunctionsPlugin {
  constructor(options: { source: string; output: string; localizer: string; descriptions: string });
  apply(compiler: Compiler): void;
}
export = LocalizedFunctionsPlugin;
