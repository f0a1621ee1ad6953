// What one probe reports: whether the server held, and the figures it measured.
export interface ProbeResult {
  name: string;
  held: boolean;
  figures: string;
}

/** A server the probes attack: its URL and port. */
export interface Target {
  label: string;
  url: string;
  port: number;
}
