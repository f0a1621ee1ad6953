// Where the mock's control routes live (`/_mock/reset`, `/_mock/accounts/{key}`, ...). The mock
// answers them under it and the proxy forwards nothing under it: one constant, so that the two cannot
// drift apart and a control route never slips through the proxy. Not part of the contract.

/** The path the mock's control routes are under: each is `${CONTROL_PREFIX}/<route>`. */
export const CONTROL_PREFIX = '/_mock';
