/**
 * Makes `target[key]` a property computed at its first read and kept from then on as a plain data property.
 * It is an own enumerable property in the place `key` already has, so JSON.stringify, Object.keys, spreading
 * and deep equality see the same object as if the value had been there from the start.
 *
 * The scoring engine uses it for a unit's indicator records: the ranking needs only totals, and a rating of
 * 3,000 units x 200 indicators would otherwise build 600,000 objects a period that a ranking table or a batch
 * never reads (`--format json` and the reports read them, and build them then).
 */
export function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): T {
  const settle = (value: T[K]) => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    get() {
      const value = compute();
      // A frozen target cannot take the value: it is then computed again at each read.
      if (Object.isExtensible(target)) settle(value);
      return value;
    },
    set: settle,
    enumerable: true,
    configurable: true,
  });
  return target;
}
