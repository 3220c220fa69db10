/** Types of scripts/functions-zh-cn.js (plain CommonJS, used by webpack and the WPS packaging). */
export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: FunctionParameterMetadata[];
  result?: { type?: string; dimensionality?: string };
}
export interface FunctionsJson {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}
export interface ZhCnTable {
  [id: string]: { description: string; parameters: Record<string, string> };
}
export declare function localize(functionsJson: FunctionsJson, table: ZhCnTable): FunctionsJson;
export declare function generateMetadata(sourceFile: string): Promise<FunctionsJson>;
