// validation.json's constants: Product requires constString, constInt and two objects made of
// required constants; the client sends every constant itself (README, "readOnly properties and
// constants in request bodies"), so the call gives only the objects, empty. The server wants each
// constant on the wire. The suite copies this file into the generated client's folder and
// type-checks it there.
import type { PostWithConstantInBodyParams } from "./index.js";

const postWithConstantInBody: PostWithConstantInBodyParams = {
  constantParam: "constant",
  body: { child: {}, constChild: {} },
};

/** operationId -> the calls to make (drive.ts `args`). */
export const args = {
  postWithConstantInBody: [postWithConstantInBody],
};
