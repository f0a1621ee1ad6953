// What a control route answers, and its own error shape (not the API's envelope: these routes are
// not in the contract).
export interface Reply {
  status: number;
  body: unknown;
}

export type Body = Record<string, unknown>;

export const problem = (status: number, message: string): Reply => ({ status, body: { error: { message } } });
export const ok = (body: unknown): Reply => ({ status: 200, body });
