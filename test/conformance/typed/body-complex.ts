// body-complex's polymorphism scenarios, driven with the bodies the server wants (complex.js
// rawFish, rawSalmon, regularSalmon, bigfishRaw) written as typed literals, without casts. The
// suite copies this file into the generated client's folder and type-checks it there: subtype
// objects inline where the swagger names the discriminated base (Fish, salmon) must type-check.
// It is not part of the project's typecheck (tsconfig excludes it: ./index.js exists only there).
import type {
  FishUnion,
  PolymorphicrecursivePutValidParams,
  PolymorphismPutComplicatedParams,
  PolymorphismPutMissingDiscriminatorParams,
  PolymorphismPutValidParams,
} from "./index.js";

/** Bytes [255, 255, 255, 255, 254], base64 (format: byte is a base64 string). */
const picture = "//////4=";

const siblings: FishUnion[] = [
  {
    fishtype: "shark",
    age: 6,
    birthday: "2012-01-05T01:00:00Z",
    length: 20.0,
    species: "predator",
  },
  {
    fishtype: "sawshark",
    age: 105,
    birthday: "1900-01-05T01:00:00Z",
    length: 10.0,
    picture,
    species: "dangerous",
  },
  {
    fishtype: "goblin",
    age: 1,
    birthday: "2015-08-08T00:00:00Z",
    length: 30.0,
    species: "scary",
    jawsize: 5,
    // x-ms-enum modelAsString: a colour the swagger does not list is still a colour.
    color: "pinkish-gray",
  },
];

const putValid: PolymorphismPutValidParams = {
  body: {
    fishtype: "salmon",
    location: "alaska",
    iswild: true,
    species: "king",
    length: 1.0,
    siblings,
  },
};

const putComplicated: PolymorphismPutComplicatedParams = {
  body: {
    fishtype: "smart_salmon",
    location: "alaska",
    iswild: true,
    species: "king",
    additionalProperty1: 1,
    additionalProperty2: false,
    additionalProperty3: "hello",
    additionalProperty4: { a: 1, b: 2 },
    additionalProperty5: [1, 3],
    length: 1.0,
    siblings,
  },
};

const putMissingDiscriminator: PolymorphismPutMissingDiscriminatorParams = {
  body: {
    fishtype: "salmon",
    location: "alaska",
    iswild: true,
    species: "king",
    length: 1.0,
    siblings,
  },
};

const putRecursive: PolymorphicrecursivePutValidParams = {
  body: {
    fishtype: "salmon",
    location: "alaska",
    iswild: true,
    species: "king",
    length: 1,
    siblings: [
      {
        fishtype: "shark",
        age: 6,
        birthday: "2012-01-05T01:00:00Z",
        species: "predator",
        length: 20,
        siblings: [
          {
            fishtype: "salmon",
            location: "atlantic",
            iswild: true,
            species: "coho",
            length: 2,
            siblings: [
              {
                fishtype: "shark",
                age: 6,
                birthday: "2012-01-05T01:00:00Z",
                species: "predator",
                length: 20,
              },
              {
                fishtype: "sawshark",
                age: 105,
                birthday: "1900-01-05T01:00:00Z",
                picture,
                species: "dangerous",
                length: 10,
              },
            ],
          },
          {
            fishtype: "sawshark",
            age: 105,
            birthday: "1900-01-05T01:00:00Z",
            picture,
            species: "dangerous",
            length: 10,
            siblings: [],
          },
        ],
      },
      {
        fishtype: "sawshark",
        age: 105,
        birthday: "1900-01-05T01:00:00Z",
        picture,
        species: "dangerous",
        length: 10,
        siblings: [],
      },
    ],
  },
};

/** operationId -> the calls to make (drive.ts `args`). */
export const args = {
  polymorphism_putValid: [putValid],
  polymorphism_putComplicated: [putComplicated],
  polymorphism_putMissingDiscriminator: [putMissingDiscriminator],
  polymorphicrecursive_putValid: [putRecursive],
};
