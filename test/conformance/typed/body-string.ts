// body-string's constant: RefColorConstant requires ColorConstant, an enum of one value. The client
// sends the constant itself (README, "Constants"), so the request type leaves it optional and the
// call below gives none: the server wants exactly { ColorConstant: "green-color" }. The suite copies
// this file into the generated client's folder and type-checks it there.
import type { EnumPutReferencedConstantParams } from "./index.js";

const putReferencedConstant: EnumPutReferencedConstantParams = { body: {} };

/** operationId -> the calls to make (drive.ts `args`). */
export const args = {
  enum_putReferencedConstant: [putReferencedConstant],
};
