/**
 * The one error the workflow throws for anything a clerk can fix (a scheme that does not read, a missing sheet or
 * column, unreadable data): Chinese lines, each naming the sheet, cell, column or field. Nothing was written.
 */
import { KhError } from "../core/errors";
import { SchemeError } from "../core/scheme/errors";
import { DataError } from "../core/data-table";

export class WorkflowError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("\n"));
    this.name = "WorkflowError";
  }
}

/** Run `work`, turning the core's errors about the clerk's input into a WorkflowError. */
export async function asWorkflow<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof SchemeError || e instanceof DataError) throw new WorkflowError(e.messages);
    if (e instanceof KhError) throw new WorkflowError([e.message]);
    throw e;
  }
}
