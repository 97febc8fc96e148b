import { useSyncExternalStore } from 'react';

/** A value kept outside React that components read and re-render on (module state with listeners). */
export interface SharedValue<T> {
  get(): T;
  set(next: T): void;
  /** The value, re-rendering the calling component when it changes. */
  use(): T;
}

export function sharedValue<T>(initial: T): SharedValue<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const get = () => value;
  const subscribe = (onChange: () => void) => {
    listeners.add(onChange);
    return () => {
      listeners.delete(onChange);
    };
  };
  return {
    get,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    use: () => useSyncExternalStore(subscribe, get, get),
  };
}
