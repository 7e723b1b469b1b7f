// The flags every Chromium that Wary's tests and benches start gets: every host name maps to
// the local fixture server, and none of Chromium's own background traffic runs (this machine's
// network is closed, and the privacy test must see only what the pages ask for).
export const CHROMIUM_FLAGS = [
  '--host-resolver-rules=MAP * 127.0.0.1',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];
