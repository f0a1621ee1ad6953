// Playwright starts the mock before the tests and stops it after (`webServer`); it polls `url`
// until it answers (a 401 without a key counts as up).
export default {
  webServer: {
    command: 'npx mediagen-mock --port 4010',
    url: 'http://127.0.0.1:4010/v2/models',
    reuseExistingServer: !process.env.CI,
  },
  use: { baseURL: 'http://127.0.0.1:4010' },
};
