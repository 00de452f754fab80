/** Placeholder while the section is built. */
export function BuyingTeamSection() {
  return <p>Coming soon.</p>;
}
