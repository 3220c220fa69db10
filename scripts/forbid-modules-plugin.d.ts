import type { Compiler } from "webpack";
declare class ForbidModulesPlugin {
  constructor(options: { packages: string[] });
  apply(compiler: Compiler): void;
}
export = ForbidModulesPlugin;
