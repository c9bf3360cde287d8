// Deliberately wrong: lint must reject every bare string here (see test/layering.test.ts).
export function Bare({ busy, n }: { busy: boolean; n: number }) {
  return (
    <div title="Some title">
      Hello there
      {'Quoted words'}
      {`${n} videos`}
      {busy ? 'Saving…' : ''}
      <input placeholder="Type here" aria-label={'Search'} />
      <img alt="A picture" src="x.png" />
      <span aria-hidden="true">▶</span>
    </div>
  );
}
