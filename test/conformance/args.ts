// Arguments the swaggers describe only in prose ("pass in 'value' = -2"), by operationId, and which
// calls are meant to fail. Read off the swaggers' descriptions and the server's routes.
import type { ArgsFor } from "./drive.js";

export interface SwaggerDriving {
  readonly clientOptions?: object;
  /** operationIds not called directly, with why (e.g. only reached as another's next operation). */
  readonly skip?: Readonly<Record<string, string>>;
  readonly args?: Readonly<Record<string, ArgsFor>>;
  /** operationId -> how many items iterating it must yield (every page followed). */
  readonly expectItems?: Readonly<Record<string, number>>;
  /** operationIds whose calls should reject (the scenario is a failure the client must surface). */
  readonly expectError?: RegExp;
  /** Calls that should reject, by their arguments (one operation, some values answered with errors). */
  readonly expectErrorArgs?: (args: Record<string, unknown>) => boolean;
}

const nextOperation =
  "the x-ms-pageable operationName of another operation: reached through its pages, never called by users (Azure's generators keep it private)";

/** header.json: one call per scenario header; the value the route (header.js) accepts for it. */
function scenarios(values: Record<string, unknown>): Record<string, unknown>[] {
  return Object.entries(values).map(([scenario, value]) =>
    value === undefined ? { scenario } : { scenario, value },
  );
}

/**
 * header.js checks the base64 of the UTF-8 of constants.MULTIBYTE_BUFFER (CJK compatibility
 * ideographs, which editors silently normalise, hence the base64 here); format: byte is a base64
 * string in our clients.
 */
const multibyte = "5ZWK6b2E5LiC54ub54uc76ex76Ss76ex76iM76ip";

/** url.json's array value: ['ArrayQuery1', 'begin!*'();:@ &=+$,/?#[]end' , null, ''] (queries.js). */
const urlArray = (first: string) => [first, "begin!*'();:@ &=+$,/?#[]end", null, ""];
const pathItem = {
  globalStringPath: "globalStringPath",
  pathItemStringPath: "pathItemStringPath",
  localStringPath: "localStringPath",
};

/**
 * validation.json's constraint checks (minLength, maximum, pattern...) are for a client that
 * refuses bad values before sending: the server has no route for them (/fakepath), and clientgen
 * types values without checking their constraints.
 */
const clientValidation =
  "client-side constraint validation: no server route to judge it (/fakepath); clientgen does not check constraints";

/**
 * constants.json's operations other than putClientConstants check what a generator emits for
 * each kind of enum parameter: the server has no route for them.
 */
const constantsCodegenOnly = Object.fromEntries(
  ["NoModelAsString", "ModelAsString"].flatMap((model) =>
    ["NoRequired", "Required"].flatMap((required) =>
      ["TwoValue", "OneValue"].flatMap((count) =>
        ["NoDefault", "Default"].map((fallback) => [
          `contants_put${model}${required}${count}${fallback}`,
          "emitted-code check without a server route",
        ]),
      ),
    ),
  ),
);

/** The request id azure-special-properties.json and header.json want ("9C4D50EE-..."). */
const requestId = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";
/** azure-special-properties.json's subscription id and API version ("use value '1234-...'"). */
const subscriptionId = "1234-5678-9012-3456";
const apiVersion = "2015-07-01-preview";

/** additionalProperties.json: the pet each PUT must send (additional-properties.js). */
const puppy = {
  id: 1,
  name: "Puppy",
  birthdate: "2017-12-13T02:29:51Z",
  complexProperty: { color: "Red" },
};
const bunnyExtras = { height: 5.61, weight: 599, footsize: 11.5 };

/**
 * model-flattening.json's PUTs and POSTs: the bodies model-flatten.js compares with. The wire
 * format is the nested one (clientgen does not flatten); `max_product_capacity` is a constant,
 * left out for the client to send.
 */
const flattenedProduct = {
  base_product_id: "123",
  base_product_description: "product description",
  details: {
    max_product_display_name: "max name",
    max_product_image: { "@odata.value": "http://foo" },
  },
};
const flatResources = {
  Resource1: {
    location: "West US",
    tags: { tag1: "value1", tag2: "value3" },
    properties: { "p.name": "Product1", type: "Flat" },
  },
  Resource2: { location: "Building 44", properties: { "p.name": "Product2", type: "Flat" } },
};

/** Bodies that are not JSON ("[1, 2, 3", "{null : ...}", "123jkl"): the client must reject them. */
const invalidBodies = /_getInvalid(UnixTime|Decimal|Double|Float)?$|_getNullKey$/;

/** The extremes the swaggers name in prose ("Put max int32 value"), as the server's routes check them. */
const maxDateTime = "9999-12-31T23:59:59.999";

export const driving: Readonly<Record<string, SwaggerDriving>> = {
  "body-string": { expectError: invalidBodies },
  "body-array": { expectError: invalidBodies },
  "body-dictionary": { expectError: invalidBodies },
  "body-boolean": { expectError: invalidBodies },
  "body-number": { expectError: invalidBodies },
  "body-integer": {
    args: {
      int_putMax32: [{ body: 2147483647 }],
      int_putMin32: [{ body: -2147483648 }],
      // int64's extremes as JSON numbers: doubles, here and in the server's JSON parser alike.
      int_putMax64: [{ body: 2 ** 63 - 1 }],
      int_putMin64: [{ body: -(2 ** 63) }],
    },
    expectError: invalidBodies,
  },
  "body-datetime": {
    args: {
      datetime_putUtcMaxDateTime: [{ body: `${maxDateTime}Z` }],
      datetime_putUtcMaxDateTime7Digits: [{ body: "9999-12-31T23:59:59.9999999Z" }],
      datetime_putLocalPositiveOffsetMaxDateTime: [{ body: `${maxDateTime}+14:00` }],
      datetime_putLocalNegativeOffsetMaxDateTime: [{ body: `${maxDateTime}-14:00` }],
    },
  },
  "body-datetime-rfc1123": {
    args: { datetimerfc1123_putUtcMaxDateTime: [{ body: "Fri, 31 Dec 9999 23:59:59 GMT" }] },
  },
  // The PUTs below want what the server's routes compare with (any-type.ts,
  // nonStringEnums.js, multipleInheritance.js), not what the GET of the same path returns.
  "any-type": { args: { putObject: [{ body: { foo: "bar" } }] } },
  "body-time": { args: { time_put: [{ body: "08:07:56" }] } },
  "non-string-enum": { args: { Int_put: [{ body: 200 }], Float_put: [{ body: 200.4 }] } },
  "multiple-inheritance": {
    args: {
      putPet: [{ body: { name: "Butter" } }],
      putHorse: [{ body: { name: "General", isAShowHorse: false } }],
      putFeline: [{ body: { meows: false, hisses: true } }],
      putCat: [{ body: { name: "Boots", likesMilk: false, meows: true, hisses: false } }],
      putKitten: [
        {
          body: { name: "Kitty", likesMilk: false, meows: true, hisses: false, eatsMiceYet: true },
        },
      ],
    },
  },
  // duration.js: the positive duration the PUT wants is not the one the GET returns.
  "body-duration": { args: { duration_putPositiveDuration: [{ body: "P123DT22H14M12.011S" }] } },
  "body-complex": {
    args: {
      // complex.js: the valid PUT is { id: 2, name: "abc", color: "Magenta" }, not the GET's body.
      basic_putValid: [
        {
          "api-version": "2016-02-29",
          body: { id: 2, name: "abc", color: "Magenta" },
        },
      ],
    },
    // Valid JSON of the wrong shape (getInvalid) resolves: clients do not validate responses.
    expectError: /MissingRequired$/,
  },
  httpInfrastructure: {
    // Declared failures (4xx/5xx, default error models) must reject; so must an undeclared 2xx
    // (only declared statuses succeed, as in Azure's core-client: "Unexpected status code").
    expectError:
      /^(httpClientFailure|httpServerFailure|httpFailure)_|400(Valid|Invalid|None)$|_get200Model204NoModelDefaultError20[12](Invalid|None)$|_get200ModelA202Valid$/,
  },
  "required-optional": {
    args: { explicit_putRequiredBinaryBody: [{ body: new Blob(["binary"]) }] },
    // "should throw": a required value left out must not be sent (the server has no route for them).
    expectError: /Required(?!BinaryBody)/,
  },
  url: {
    args: {
      paths_byteMultiByte: [{ bytePath: multibyte }],
      paths_base64Url: [{ base64UrlPath: "bG9yZW0" }], // "lorem"
      paths_ArrayCsvInPath: [{ arrayPath: urlArray("ArrayPath1") }],
      paths_unixTimeUrl: [{ unixTimeUrlPath: 1460505600 }],
      paths_enumValid: [{ enumPath: "green color" }],
      paths_enumNull: [{}],
      queries_enumValid: [{ enumQuery: "green color" }],
      queries_byteMultiByte: [{ byteQuery: multibyte }],
      queries_ArrayStringCsvValid: [{ arrayQuery: urlArray("ArrayQuery1") }],
      queries_ArrayStringCsvEmpty: [{ arrayQuery: [] }],
      queries_ArrayStringNoCollectionFormatEmpty: [{ arrayQuery: ["hello", "nihao", "bonjour"] }],
      queries_ArrayStringSsvValid: [{ arrayQuery: urlArray("ArrayQuery1") }],
      queries_ArrayStringTsvValid: [{ arrayQuery: urlArray("ArrayQuery1") }],
      queries_ArrayStringPipesValid: [{ arrayQuery: urlArray("ArrayQuery1") }],
      pathItems_getAllWithValues: [
        {
          ...pathItem,
          globalStringQuery: "globalStringQuery",
          pathItemStringQuery: "pathItemStringQuery",
          localStringQuery: "localStringQuery",
        },
      ],
      pathItems_getGlobalQueryNull: [
        {
          ...pathItem,
          pathItemStringQuery: "pathItemStringQuery",
          localStringQuery: "localStringQuery",
        },
      ],
      pathItems_getGlobalAndLocalQueryNull: [
        { ...pathItem, pathItemStringQuery: "pathItemStringQuery" },
      ],
      // The route's path literal is ".../globalStringQuery/null/null": the global query is sent.
      pathItems_getLocalPathItemQueryNull: [
        { ...pathItem, globalStringQuery: "globalStringQuery" },
      ],
    },
    // A required path value given as null or left out: the client must refuse to send the call.
    expectError: /^paths_(stringNull|byteNull|DateNull|DateTimeNull|enumNull)$/,
  },
  validation: {
    skip: {
      validationOfMethodParameters: clientValidation,
      validationOfBody: clientValidation,
    },
  },
  additionalProperties: {
    args: {
      Pets_CreateAPTrue: [{ body: puppy }],
      Pets_CreateCatAPTrue: [{ body: { ...puppy, name: "Lisa", friendly: true } }],
      Pets_CreateAPObject: [
        { body: { id: 2, name: "Hira", siblings: [puppy], picture: "//////4=" } },
      ],
      Pets_CreateAPString: [
        { body: { id: 3, name: "Tommy", color: "red", weight: "10 kg", city: "Bombay" } },
      ],
      Pets_CreateAPInProperties: [
        { body: { id: 4, name: "Bunny", additionalProperties: bunnyExtras } },
      ],
      Pets_CreateAPInPropertiesWithAPString: [
        {
          body: {
            id: 5,
            name: "Funny",
            "@odata.location": "westus",
            additionalProperties: bunnyExtras,
            color: "red",
            city: "Seattle",
            food: "tikka masala",
          },
        },
      ],
    },
  },
  // extensibleEnums.js: tommy's days are known values, casper's an unknown one, scooby's allowed.
  "extensible-enums-swagger": {
    args: {
      Pet_GetByPetId: [{ petId: "tommy" }, { petId: "casper" }, { petId: "scooby" }],
      Pet_AddPet: [{ body: { name: "Retriever", IntEnum: "2", DaysOfWeek: "Friday" } }],
    },
  },
  // errorStatusCodes.js: one pet or action per scenario; each declared error status must reject.
  "xms-error-responses": {
    args: {
      Pet_GetPetById: ["tommy", "coyoteUgly", "weirdAlYankovic", "ringo", "alien123"].map(
        (petId) => ({ petId }),
      ),
      Pet_DoSomething: ["stay", "jump", "fetch"].map((whatAction) => ({ whatAction })),
      // A parameter named `models` (a name generators reserve): the route answers 500 on purpose.
      Pet_HasModelsParam: [{ models: "value1" }],
    },
    expectError: /^Pet_HasModelsParam$/,
    expectErrorArgs: ({ petId, whatAction }) =>
      ["coyoteUgly", "weirdAlYankovic", "ringo", "alien123", "jump", "fetch"].includes(
        String(petId ?? whatAction),
      ),
  },
  "azure-special-properties": {
    // Every subscriptionId route wants a request id; a user sets it on the client.
    clientOptions: { headers: { "x-ms-client-request-id": requestId } },
    args: {
      ...Object.fromEntries(
        [
          "subscriptionInCredentials_postMethodGlobalValid",
          "subscriptionInCredentials_postMethodGlobalNotProvidedValid",
          "subscriptionInCredentials_postPathGlobalValid",
          "subscriptionInCredentials_postSwaggerGlobalValid",
          "subscriptionInMethod_postMethodLocalValid",
          "subscriptionInMethod_postPathLocalValid",
          "subscriptionInMethod_postSwaggerLocalValid",
        ].map((id) => [id, [{ subscriptionId, "api-version": apiVersion }]]),
      ),
      // "null": the client must refuse to send a required path value it was not given.
      subscriptionInCredentials_postMethodGlobalNull: [{}],
      subscriptionInMethod_postMethodLocalNull: [{}],
      ...Object.fromEntries(
        [
          "apiVersionDefault_getMethodGlobalValid",
          "apiVersionDefault_getMethodGlobalNotProvidedValid",
          "apiVersionDefault_getPathGlobalValid",
          "apiVersionDefault_getSwaggerGlobalValid",
        ].map((id) => [id, [{ "api-version": apiVersion }]]),
      ),
      // azureSpecials.js: no request id, another id (the 400 must reject), the client's own.
      "x-ms-client-request-id_Get": async (client) => {
        const get = client.xMsClientRequestIdGet!;
        await get(undefined, { headers: { "x-ms-client-request-id": "" } });
        await get(undefined, { headers: { "x-ms-client-request-id": "other" } }).then(
          () => Promise.reject(new Error("a 400 resolved")),
          () => undefined,
        );
        return [{}];
      },
      "x-ms-client-request-id_ParamGet": [{ "x-ms-client-request-id": requestId }],
      header_customNamedRequestId: [{ "foo-client-request-id": requestId }],
      header_customNamedRequestIdParamGrouping: [{ "foo-client-request-id": requestId }],
      header_customNamedRequestIdHead: [{ "foo-client-request-id": requestId }],
      // x-ms-skip-url-encoding: the values AutoRest sends unencoded (known-exceptions.ts).
      skipUrlEncoding_getMethodPathValid: [{ unencodedPathParam: "path1/path2/path3" }],
      skipUrlEncoding_getPathPathValid: [{ unencodedPathParam: "path1/path2/path3" }],
      skipUrlEncoding_getMethodQueryValid: [{ q1: "value1&q2=value2&q3=value3" }],
      skipUrlEncoding_getPathQueryValid: [{ q1: "value1&q2=value2&q3=value3" }],
      odata_getWithFilter: [{ $filter: "id gt 5 and name eq 'foo'", $top: 10, $orderby: "id" }],
    },
    expectError: /^subscriptionIn\w+Null$/,
  },
  // objectType.js: { foo: "bar" } answers 200, anything else an error with an object body.
  "model-flattening": {
    args: {
      putArray: [
        {
          body: [
            { location: "West US", tags: { tag1: "value1", tag2: "value3" } },
            { location: "Building 44" },
          ],
        },
      ],
      putDictionary: [{ body: flatResources }],
      putResourceCollection: [
        {
          body: {
            arrayofresources: [
              { ...flatResources.Resource1 },
              { location: "East US", properties: { "p.name": "Product2", type: "Flat" } },
            ],
            dictionaryofresources: flatResources,
            productresource: { location: "India", properties: { "p.name": "Azure", type: "Flat" } },
          },
        },
      ],
      putSimpleProduct: [
        {
          body: {
            ...flattenedProduct,
            details: {
              ...flattenedProduct.details,
              max_product_image: { "@odata.value": "http://foo", generic_value: "https://generic" },
            },
          },
        },
      ],
      postFlattenedSimpleProduct: [{ body: flattenedProduct }],
      putSimpleProductWithGrouping: [{ name: "groupproduct", body: flattenedProduct }],
    },
    skip: {
      putWrappedArray:
        "model-flatten.js has no route for /model-flatten/wrappedarray (a PUT is never answered)",
      getWrappedArray: "model-flatten.js has no route for /model-flatten/wrappedarray (400)",
    },
  },
  // media-types.js and mediatypes.js: each route checks the body of the content type it gets.
  media_types: {
    args: {
      AnalyzeBody: [{ body: { source: "https://example.org/file.pdf" } }],
      AnalyzeBodyNoAcceptHeader: [{ body: { source: "https://example.org/file.pdf" } }],
      binaryBodyWithTwoContentTypes: [{ body: new Blob(["bytes"]) }],
      binaryBodyWithThreeContentTypes: [{ body: new Blob(["bytes"]) }],
      bodyThreeTypes: [{ body: { hello: "world" } }],
      contentTypeWithEncoding: [{ body: "input" }],
    },
    skip: { putTextAndJsonBody: "media-types.js has no route for /mediatypes/textAndJson (404)" },
  },
  // formdata.js / formData.js: a file sent as a multipart part and as the whole body, echoed back.
  "body-formdata": {
    args: {
      formdata_UploadFile: [
        { body: { fileContent: new Blob(["file"]), fileName: "UploadFile.txt" } },
      ],
      formdata_UploadFileViaBody: [{ body: new Blob(["file"]) }],
    },
    skip: { formdata_UploadFiles: "the server has no route for several files (404)" },
  },
  // multiapi.js: one API version per swagger, sent as the api-version argument (AutoRest clients
  // send info.version); testDifferentCalls wants every greeting its version declares.
  "multiapi-v1": {
    args: {
      testOne: [{ id: 1, "api-version": "1.0.0" }],
      OperationGroupOne_testTwo: [{ "api-version": "1.0.0" }],
      testDifferentCalls: [{ "api-version": "1.0.0", greetingInEnglish: "hello" }],
    },
  },
  "multiapi-v2": {
    args: {
      testOne: [{ id: 1, "api-version": "2.0.0" }],
      OperationGroupOne_testTwo: [{ "api-version": "2.0.0" }],
      OperationGroupOne_testThree: [{ "api-version": "2.0.0" }],
      OperationGroupTwo_testFour: [{ parameterOne: true, "api-version": "2.0.0" }],
      testDifferentCalls: [
        { "api-version": "2.0.0", greetingInEnglish: "hello", greetingInChinese: "nihao" },
      ],
    },
  },
  "multiapi-v3": {
    args: {
      OperationGroupOne_testTwo: [{ "api-version": "3.0.0" }],
      OperationGroupTwo_testFour: [
        { "api-version": "3.0.0", body: { source: "https://example.org" } },
      ],
      OperationGroupTwo_testFive: [{ "api-version": "3.0.0" }],
      testDifferentCalls: [
        {
          "api-version": "3.0.0",
          greetingInEnglish: "hello",
          greetingInChinese: "nihao",
          greetingInFrench: "bonjour",
        },
      ],
    },
  },
  // multiapiCustomBaseUrl.js: the version's api-version, and its number as the id.
  "multiapi-v1-custom-base-url": { args: { test: [{ id: 1, "api-version": "1.0.0" }] } },
  "multiapi-v2-custom-base-url": { args: { test: [{ id: 2, "api-version": "2.0.0" }] } },
  // xml.js: XML bodies are text to clientgen (no XML model), so a PUT sends back the GET's text;
  // the one JSON operation wants { id: 42 }.
  "xml-service": { args: { xml_jsonInput: [{ body: { id: 42 } }] } },
  "object-type": {
    args: { put: [{ body: { foo: "bar" } }, { body: { should: "fail" } }] },
    expectErrorArgs: (args) => (args.body as { should?: string } | undefined)?.should === "fail",
  },
  "merge-patch": { args: { patchSingle: [{ body: { foo: "bar" } }] } },
  // security.js: the API key as given; the AAD token is the scope, as the server's fake credential.
  "security-key": { clientOptions: { apiKey: "123456789" } },
  "security-aad": { clientOptions: { apiKey: "https://security.microsoft.com/.default" } },
  "error-with-secrets": {
    skip: {
      CreateSecret:
        "the route wants a query `key` and a JSON body the swagger does not declare (known-exceptions.ts)",
    },
    expectError: /^GetErrorWithSecrets$/,
  },
  "body-binary": {
    args: {
      Upload_File: [{ body: { more: "cowbell" } }],
      Upload_Binary: [{ body: new Blob([new Uint8Array([1, 2, 3])]) }],
    },
    expectError: /^Download_ErrorStream$/,
  },
  "body-formdata-urlencoded": {
    args: {
      formdataurlencoded_updatePetWithForm: [
        { petId: 1, body: { pet_type: "dog", pet_food: "meat", name: "Fido", pet_age: 42 } },
      ],
      // grant_type is the body's constant: left out, the client sends it.
      formdataurlencoded_partialConstantBody: [{ body: { access_token: "foo", service: "bar" } }],
    },
  },
  // reserved-words.js: the values each route compares with ("Pass in 'foo'", ...).
  "reserved-words": {
    args: {
      import_operationOne: [{ parameter1: "foo" }],
      operationWithContentParam: [{ body: new Blob(["hello, world"]) }],
      operationWithJsonParam: [{ body: { hello: "world" } }],
      operationWithDataParam: [{ body: { data: "hello", world: "world" } }],
      operationWithFilesParam: [{ body: { files: new Blob(["file"]), fileName: "my.txt" } }],
      operationWithUrl: [
        { url: "foo", headerParameters: "x-ms-header", queryParameters: ["one", "two"] },
      ],
      reservedEnum: [{ enumParameter: "import" }],
    },
  },
  // An undeclared status (444) with a body that is no error model: the call must still reject.
  "incorrect-error-response": { expectError: /^getIncorrectErrorFromServer$/ },
  "subscriptionId-apiVersion": {
    args: {
      group_getSampleResourceGroup: [
        {
          subscriptionId: "test",
          resourceGroupName: "testgroup101",
          "api-version": "2014-04-01-preview",
        },
      ],
    },
  },
  "azure-parameter-grouping": {
    args: {
      parameterGrouping_postRequired: [
        { path: "path", body: 1234, customHeader: "header", query: 21 },
      ],
      parameterGrouping_postReservedWords: [{ from: "bob", accept: "yes" }],
      parameterGrouping_groupWithConstant: [{ groupedConstant: "foo", groupedParameter: "bar" }],
    },
  },
  // ConstantClientProperties: the path, query and header constants, none passed, all sent.
  constants: { skip: constantsCodegenOnly },
  // collectionFormat multi: the name repeated per item; an empty array sends no query at all.
  "url-multi-collectionFormat": {
    args: {
      queries_ArrayStringMultiValid: [{ arrayQuery: urlArray("ArrayQuery1") }],
      queries_ArrayStringMultiEmpty: [{ arrayQuery: [] }],
    },
  },
  header: {
    args: {
      header_paramExistingKey: [{ "User-Agent": "overwrite" }],
      header_paramProtectedKey: [{ "Content-Type": "text/html" }],
      header_paramInteger: scenarios({ positive: 1, negative: -2 }),
      header_paramLong: scenarios({ positive: 105, negative: -2 }),
      header_paramFloat: scenarios({ positive: 0.07, negative: -3.0 }),
      header_paramDouble: scenarios({ positive: 7e120, negative: -3.0 }),
      header_paramBool: scenarios({ true: true, false: false }),
      header_paramString: scenarios({
        valid: "The quick brown fox jumps over the lazy dog",
        null: undefined,
        empty: "",
      }),
      header_paramEnum: scenarios({ valid: "GREY", null: undefined }),
      header_paramDate: scenarios({ valid: "2010-01-01", min: "0001-01-01" }),
      header_paramDatetime: scenarios({
        valid: "2010-01-01T12:34:56Z",
        min: "0001-01-01T00:00:00Z",
      }),
      header_paramDatetimeRfc1123: scenarios({
        valid: "Fri, 01 Jan 2010 12:34:56 GMT",
        min: "Mon, 01 Jan 0001 00:00:00 GMT",
      }),
      header_paramDuration: scenarios({ valid: "P123DT22H14M12.011S" }),
      header_paramByte: scenarios({ valid: multibyte }),
      header_responseInteger: scenarios({
        positive: undefined,
        negative: undefined,
      }),
      header_responseLong: scenarios({
        positive: undefined,
        negative: undefined,
      }),
      header_responseFloat: scenarios({
        positive: undefined,
        negative: undefined,
      }),
      header_responseDouble: scenarios({
        positive: undefined,
        negative: undefined,
      }),
      header_responseBool: scenarios({ true: undefined, false: undefined }),
      header_responseString: scenarios({
        valid: undefined,
        null: undefined,
        empty: undefined,
      }),
      header_responseEnum: scenarios({ valid: undefined, null: undefined }),
      header_responseDate: scenarios({ valid: undefined, min: undefined }),
      header_responseDatetime: scenarios({ valid: undefined, min: undefined }),
      header_responseDatetimeRfc1123: scenarios({
        valid: undefined,
        min: undefined,
      }),
      header_responseDuration: scenarios({ valid: undefined }),
      header_responseByte: scenarios({ valid: undefined }),
    },
    clientOptions: {
      headers: {
        "x-ms-client-request-id": "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0",
      },
    },
  },
  paging: {
    args: {
      // "Client Api Version": Azure clients send info.version; ours takes it as an argument.
      Paging_appendApiVersion: [{ "api-version": "1.0.0" }],
      Paging_replaceApiVersion: [{ "api-version": "1.0.0" }],
      // paging.js: api_version 1.6 and tenant test_user, else 400.
      Paging_getMultiplePagesFragmentNextLink: [{ api_version: "1.6", tenant: "test_user" }],
      Paging_getMultiplePagesFragmentWithGroupingNextLink: [
        { api_version: "1.6", tenant: "test_user" },
      ],
      Paging_getMultiplePagesWithOffset: [{ offset: 100 }],
      // "Put in value '100' to pass test"; queryConstant "Must be True".
      Paging_getWithQueryParams: [{ requiredQueryParameter: 100, queryConstant: true }],
    },
    skip: {
      Paging_nextFragment: nextOperation,
      Paging_nextFragmentWithGrouping: nextOperation,
      Paging_nextOperationWithQueryParams: nextOperation,
    },
    expectError: /Failure/,
    // paging.js: ten pages of one product each; nextLinkName null and the operationName pair stop
    // after one and two pages.
    expectItems: {
      Paging_getMultiplePages: 10,
      Paging_GetMultiplePagesLRO: 10,
      Paging_getMultiplePagesFragmentNextLink: 10,
      Paging_getMultiplePagesFragmentWithGroupingNextLink: 10,
      Paging_getMultiplePagesRetryFirst: 10,
      Paging_getMultiplePagesRetrySecond: 10,
      Paging_getMultiplePagesWithOffset: 10,
      Paging_getOdataMultiplePages: 10,
      Paging_getNullNextLinkNamePages: 1,
      Paging_getWithQueryParams: 2,
    },
  },
  "custom-baseUrl-paging": {
    skip: { Paging_getPagesPartialUrlOperationNext: nextOperation },
    // paging.js: two pages of one product each, the second reached through a partial next link.
    expectItems: { Paging_getPagesPartialUrl: 2, Paging_getPagesPartialUrlOperation: 2 },
  },
  lro: {
    // "x-ms-client-request-id = 9C4D50EE-... is required message header for all requests"
    // (LROsCustomHeader); a user sets it on the client, so every poll carries it too.
    clientOptions: {
      headers: {
        "x-ms-client-request-id": "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0",
      },
    },
    // Failed/canceled terminal states and the LROSADs ("sad path") family must reject, except the
    // SADs both Azure generators complete: a 204 DELETE, a 202 POST with nothing to poll, a 201 PUT
    // whose resource never reports a provisioning state (core-lro's Body mode: done).
    expectError:
      /^LROSADs_(?!delete204Succeeded$|post202NoLocation$|putError201NoProvisioningStatePayload$)|Failed|[cC]anceled/,
  },
};
