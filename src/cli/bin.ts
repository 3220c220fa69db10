/** Entry point for `npm run kh` (tsx, no build); bin/kh.js runs the built copy of main.ts. */
import { runProcess } from "./main";

void runProcess();
