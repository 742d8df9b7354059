/*
 * What Web Locks give the background (`navigator.locks.request`), for the fakes:
 * tasks run one at a time in the order they came.
 */

/** A promise-chain mutex: each task starts after the previous one settled, failed or not. */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T,>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task);
    tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}
