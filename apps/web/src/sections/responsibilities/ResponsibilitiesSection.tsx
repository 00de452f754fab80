import { RaciGrid } from './RaciGrid';

/** Who owns what between the teams. */
export function ResponsibilitiesSection() {
  return <RaciGrid />;
}
