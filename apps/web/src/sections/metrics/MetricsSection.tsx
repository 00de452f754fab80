/** Placeholder while the section is built. */
export function MetricsSection() {
  return <p>Coming soon.</p>;
}
