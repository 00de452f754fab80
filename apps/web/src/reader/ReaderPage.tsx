export function ReaderPage(_: { playbookId: string; stageId: string | null }) {
  return <p>Reader</p>;
}
