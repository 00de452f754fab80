import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs`, so "5 minutes ago" does not stay 5 minutes forever. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
