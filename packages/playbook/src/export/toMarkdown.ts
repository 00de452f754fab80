import { MAX_RICH_TEXT_DEPTH, markdownContainerDepth } from '@fullcourt/editor-schema';
import { formatDuration } from '../format/duration';
import { assetFormatLabels, bantLabels, buyingRoleLabels, formatAmount, teamLabels } from '../format/labels';
import { slaSentence, slaTitle } from '../format/slaSentence';
import type { Playbook } from '../records/Playbook';

/**
 * The whole playbook as one readable Markdown document, in the order a new hire reads it:
 * introduction pages, buyer stages, lifecycle and SLAs, content, buying team, who does
 * what, metrics and credit. Used by exports and by tools that want text, not JSON.
 */
export function toMarkdown(playbook: Playbook): string {
  const out: string[] = [`# ${playbook.title}`];
  if (playbook.description) out.push(playbook.description);
  const stageName = new Map(playbook.stages.map((s) => [s.id as string, s.name]));
  const personaName = new Map(playbook.personas.map((p) => [p.id as string, p.name]));

  for (const page of playbook.pages) {
    out.push(`## ${page.title}`, richBlock(page.body.markdown));
  }

  out.push('## Buyer stages');
  playbook.stages.forEach((stage, i) => {
    out.push(`### ${i + 1}. ${stage.name}`, `**Owner:** ${teamLabels[stage.owner]}`);
    if (stage.goal) out.push(`**Buyer's goal:** ${stage.goal}`);
    list(out, 'Entry criteria', stage.entryCriteria);
    list(out, 'Exit signals', stage.exitSignals);
    list(out, 'Marketing plays', stage.plays.marketing);
    list(out, 'Sales plays', stage.plays.sales);
    if (stage.notes.markdown) out.push(richBlock(stage.notes.markdown, 3));
  });

  out.push('## Lead lifecycle');
  for (const state of playbook.lifecycle) {
    out.push(`### ${state.name}`, `**Owner:** ${teamLabels[state.owner]}`);
    if (state.definition) out.push(state.definition);
    if (state.scoreThreshold !== null) out.push(`**Score threshold:** ${state.scoreThreshold}`);
    const bant = (Object.keys(bantLabels) as (keyof typeof bantLabels)[]).filter((k) => state.bant[k]);
    if (bant.length > 0) out.push(bant.map((k) => `- **${bantLabels[k]}:** ${state.bant[k]}`).join('\n'));
  }

  out.push('## Service-level agreements');
  for (const sla of playbook.slas) {
    out.push(`### ${slaTitle(sla, playbook.lifecycle)}`, slaSentence(sla, playbook.lifecycle));
    if (sla.feedback && sla.feedback.reasons.length > 0)
      list(out, `Reject reasons (within ${formatDuration(sla.feedback.rejectWithin)})`, sla.feedback.reasons);
  }

  out.push('## Content map');
  if (playbook.content.length > 0) {
    out.push(
      [
        '| Asset | Format | Stages | Personas | Owner | Review by |',
        '| --- | --- | --- | --- | --- | --- |',
        ...playbook.content.map((a) =>
          row([
            a.url ? `[${a.title}](${a.url})` : a.title,
            assetFormatLabels[a.format] ?? a.format,
            a.stageIds.map((id) => stageName.get(id) ?? '(deleted stage)').join(', '),
            a.personaIds.map((id) => personaName.get(id) ?? '(deleted persona)').join(', '),
            a.owner,
            a.reviewBy ?? '',
          ]),
        ),
      ].join('\n'),
    );
  }

  out.push('## Buying team');
  for (const persona of playbook.personas) {
    out.push(`### ${persona.name}`, `**Buying role:** ${buyingRoleLabels[persona.buyingRole]}`);
    list(out, 'Cares about', persona.caresAbout);
  }

  out.push('## Who does what (RACI)');
  if (playbook.responsibilities.length > 0 && playbook.roles.length > 0) {
    out.push(
      [
        row(['Activity', ...playbook.roles.map((r) => r.name)]),
        row(['---', ...playbook.roles.map(() => '---')]),
        ...playbook.responsibilities.map((r) => row([r.activity, ...playbook.roles.map((role) => r.raci[role.id] ?? '')])),
      ].join('\n'),
      'R = responsible, A = accountable, C = consulted, I = informed.',
    );
  }

  out.push('## Metrics and credit');
  const { currency, periods } = playbook.metrics;
  if (periods.length > 0) {
    out.push(
      [
        '| Period | Leads predicted | Leads actual | Revenue forecast | Revenue actual | Cost per close | Closes: sales / marketing / community |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...periods.map((p) =>
          row([
            p.period,
            num(p.leads.predicted),
            num(p.leads.actual),
            money(p.revenue.forecast, currency),
            money(p.revenue.actual, currency),
            money(p.costPerClose, currency),
            `${num(p.closesBySource.sales)} / ${num(p.closesBySource.marketing)} / ${num(p.closesBySource.community)}`,
          ]),
        ),
      ].join('\n'),
    );
  }
  if (playbook.attribution.markdown) out.push('### Attribution', richBlock(playbook.attribution.markdown, 3));

  return `${out.filter((block) => block.trim() !== '').join('\n\n')}\n`;
}

function list(out: string[], title: string, items: readonly string[]): void {
  if (items.length > 0) out.push(`**${title}:**\n\n${items.map((i) => `- ${i}`).join('\n')}`);
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));
const money = (n: number | null | undefined, currency: string) => (n === null || n === undefined ? '—' : formatAmount(n, currency));

/**
 * Rich text nested under a section keeps its structure but must not outrank the section's heading.
 * Text nested past the limit (in a version saved before there was one) is shown literally, in a
 * code block: Markdown renderers recurse once per level.
 */
function richBlock(markdown: string, under = 2): string {
  if (markdownContainerDepth(markdown) <= MAX_RICH_TEXT_DEPTH) return demoteHeadings(markdown, under);
  let longest = 0;
  for (let i = 0, run = 0; i < markdown.length; i++) {
    run = markdown[i] === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${markdown}\n${fence}`;
}

function demoteHeadings(markdown: string, under: number): string {
  return markdown.replace(/^(#{1,6}) /gm, (_m, hashes: string) => `${'#'.repeat(Math.min(6, hashes.length + under))} `);
}
