// The corpus lives outside the repository (../shared/corpus/specs). Without it the suite would pass
// having tested nothing, so it stops at once and says what is missing.
import { existsSync } from "node:fs";
import { corpusDir } from "./corpus.js";

export default function requireCorpus(): void {
  if (existsSync(corpusDir)) return;
  throw new Error(
    `npm run test:corpus needs the public spec corpus at ${corpusDir} (not part of the repository; npm test does not need it)`,
  );
}
