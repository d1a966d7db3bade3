/**
 * A value made on first use. Module top levels all run when a bundle starts, so zod schemas
 * (which cost the CLI ~5 ms of start-up to build) are made this way, when first validated with.
 */
export function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
