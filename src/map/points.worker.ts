/// <reference lib="webworker" />
/**
 * The map-points worker: turns a tick's changed records (packed as numbers on the main thread)
 * into the attributes deck.gl draws, and transfers the buffers back (no copy).
 */
import { PointAssembler, type PointDelta } from './point-assembly';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const assembler = new PointAssembler();

scope.onmessage = (event: MessageEvent<PointDelta | { drop: string }>) => {
  const message = event.data;
  if ('drop' in message) {
    assembler.drop(message.drop);
    return;
  }
  const build = assembler.apply(message);
  scope.postMessage(build, [build.position.buffer, build.color.buffer, build.radius.buffer, build.index.buffer]);
};
