/** A mistake in the command line itself (exit code 2). Its own file so every argument parser can throw it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
