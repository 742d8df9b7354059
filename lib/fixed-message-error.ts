/*
 * Typed errors whose every instance says the same thing: the class is the problem,
 * so the one line that declares it gives its name and its message. `name` is a
 * string given here, not read from the class, because the bundler renames classes.
 */

/** The base class of an error named `name` that always says `message`. */
export function fixedMessageError<const N extends string>(name: N, message: string) {
  return class extends Error {
    override readonly name: N = name;
    constructor(options?: ErrorOptions) {
      super(message, options);
    }
  };
}
