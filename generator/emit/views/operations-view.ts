// The view of operations.ts: per operation its argument type, its result and response-header
// types; per channel its message types. Declarations arrive laid out.
import type { Api } from "../../model/api.js";
import { aliasDeclaration, interfaceDeclaration, type Declaration } from "./declaration.js";
import { docComment } from "./doc-comment.js";
import { typeAlias } from "./layout.js";
import { paramsMembers, resultDeclaration } from "./operation-types.js";
import { typeNamesOf } from "./types-view.js";
import { headersDeclaration } from "./response-headers.js";
import { channelDeclarations } from "./channel-view.js";

export interface OperationsView {
  /** Every type declaration of operations.ts, in order. */
  declarations: Declaration[];
  hasTypes: boolean;
}

export function operationsView(api: Api): OperationsView {
  const names = typeNamesOf(api, "T.");
  const declarations: Declaration[] = [];
  for (const op of api.operations) {
    const doc = docComment([`Arguments of \`${api.name}Client.${op.name}\`.`]);
    const members = paramsMembers(op, names, 2);
    declarations.push(
      members.length > 0
        ? interfaceDeclaration(doc, op.paramsTypeName, members)
        : aliasDeclaration(
            doc,
            op.paramsTypeName,
            typeAlias(op.paramsTypeName, "Record<string, never>"),
          ),
    );
    const result = resultDeclaration(op, names, `${api.name}Client`);
    if (result) declarations.push(result);
    const headers = headersDeclaration(api, op);
    if (headers) declarations.push(headers);
  }
  for (const channel of api.channels)
    declarations.push(...channelDeclarations(api, channel, names));
  return { declarations, hasTypes: names.isUsed() };
}
