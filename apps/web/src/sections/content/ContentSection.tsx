/** Placeholder while the section is built. */
export function ContentSection() {
  return <p>Coming soon.</p>;
}
