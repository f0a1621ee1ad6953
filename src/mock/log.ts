// One line per request: time, method, path, status, duration, request id (and a note when the
// answer was forced by Prefer or the mock had something to say).
export interface RequestLine {
  method: string;
  path: string;
  status: number;
  ms: number;
  requestId: string;
  note?: string;
}

export function formatRequestLine(line: RequestLine): string {
  const time = new Date().toISOString();
  const note = line.note ? ` (${line.note})` : '';
  return `${time} ${line.method.padEnd(6)} ${line.path} ${line.status} ${line.ms.toFixed(1)}ms ${line.requestId}${note}`;
}
