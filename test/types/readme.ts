// README.md "TypeScript" shows the lines after this comment as they are: the ponyfill's fetch where the project has
// the platform's types (lib "dom" or "webworker"), with retrofetch's member, and one mistake the types catch. The
// consumers with those libs compile it (dom-bundler, dom-node16 as readme.mts, webworker): type-checked, never run.
import { fetch } from 'retrofetch';
import type { RetrofetchProgress, RetrofetchRequestInit } from 'retrofetch';

function show(progress: RetrofetchProgress): void {
  console.log(progress.loaded + ' of ' + (progress.lengthComputable ? progress.total : 'unknown'));
}

const init: RequestInit & RetrofetchRequestInit = { retrofetch: { onDownloadProgress: show } };
export const page: Promise<Response> = fetch('/page.html', init);

// @ts-expect-error a misspelt member (headers)
void fetch('/page.html', { headres: { Accept: 'text/html' } });
