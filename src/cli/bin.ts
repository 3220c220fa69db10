/** Entry point for `npm run kh` (tsx, no build); bin/kh.js runs the built copy of main.ts. */
import { tuneHeap } from "./heap";
import { runProcess } from "./main";

tuneHeap();
void runProcess();
