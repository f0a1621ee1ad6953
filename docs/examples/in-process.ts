// No port: the mock as a fetch function, or as MSW handlers, inside the test's own process.
import { createClient } from '@mediagen/client';
import { createMockFetch } from '@mediagen/mock';
import { createMockHandlers } from '@mediagen/mock/msw'; // needs msw 2.x (an optional peer)
import { setupServer } from 'msw/node';

const mockFetch = createMockFetch({ balance: '1.00' });
const client = createClient({ apiKey: 'mg_test_unit', baseUrl: 'https://api.mediagen.example', fetch: mockFetch });
await client.GET('/v2/billing/balance');
console.log((await mockFetch.ready).state.account('mg_test_unit')); // the account's books, read-only

const msw = createMockHandlers({}, 'https://api.mediagen.example');
const server = setupServer(...msw.handlers); // answers every request to that base URL
server.listen({ onUnhandledRequest: 'error' }); // a request it does not answer fails, never goes out
const viaMsw = createClient({ apiKey: 'mg_test_msw', baseUrl: 'https://api.mediagen.example' });
console.log((await viaMsw.GET('/v2/billing/balance')).data); // the global fetch, answered by MSW
server.close();
