/** Placeholder while the section is built. */
export function PagesSection() {
  return <p>Coming soon.</p>;
}
