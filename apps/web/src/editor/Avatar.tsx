import { initials } from '../identity/identity';
import styles from './editor.module.css';

/** A coloured disc with someone's initials; the name is the accessible text. */
export function Avatar({ name, color, size = 'normal' }: { name: string; color: string; size?: 'normal' | 'small' }) {
  return (
    <span
      className={size === 'small' ? `${styles.avatar} ${styles.avatarSmall}` : styles.avatar}
      style={{ backgroundColor: color }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
