// The real clients the suite test/integration/real-clients.test.ts runs, compiled to ES5 (TypeScript, the way a
// legacy app's build compiles its node_modules) into dist/test/clients.js. A frame loads core-js, then retrofetch's
// standalone script (in the polyfill pass), then this bundle, which hands the clients to the test.
import ky from 'ky';
import axios from 'axios';
import { ofetch } from 'ofetch';
import { GraphQLClient, ClientError } from 'graphql-request';
import { fetchEventSource } from '@microsoft/fetch-event-source';

(window as any).__realClients = {
  ky: ky,
  axios: axios,
  ofetch: ofetch,
  GraphQLClient: GraphQLClient,
  ClientError: ClientError,
  fetchEventSource: fetchEventSource
};
