/** Exhaustiveness check: a new `FieldType` fails compilation wherever it is not handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
