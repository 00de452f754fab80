import { initials } from '../identity/identity';

/** A coloured disc with someone's initials; the name is the accessible text. */
export function Avatar({ name, color, size = 'normal' }: { name: string; color: string; size?: 'normal' | 'small' }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ backgroundColor: color }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
