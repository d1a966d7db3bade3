// Starting and stopping code-server for the in-editor tests: loopback only, no auth, and every
// piece of state (settings, extensions, config file) in the run's temporary folder.
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function isolationArgs(layout) {
  return [
    '--config',
    join(layout.root, 'code-server.yaml'),
    '--user-data-dir',
    layout.userData,
    '--extensions-dir',
    layout.extensions,
  ];
}

/** Installs the packaged extension the way a user would (`--install-extension file.vsix`). */
export async function installVsix(bin, vsix, layout) {
  const { stdout, stderr } = await execFileAsync(
    bin,
    [...isolationArgs(layout), '--install-extension', vsix],
    { timeout: 120_000 },
  );
  return `${stdout}${stderr}`.trim();
}

/**
 * Starts code-server and resolves once it listens. It runs in its own process group so that
 * stop() ends it and everything it started (extension hosts, the language server), and only that.
 */
export async function startCodeServer(bin, layout, { log, startupMs = 60_000 } = {}) {
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...isolationArgs(layout),
      '--disable-telemetry',
      '--disable-workspace-trust',
      '--disable-update-check',
      '--disable-getting-started-override',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = [];
  let exited = false;
  // If the launcher dies (Ctrl+C, CI cancel), its detached code-server must not outlive it.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  const onExit = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      process.removeListener('exit', killOnExit);
      resolve({ code, signal });
    }),
  );

  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start within ${startupMs} ms`)),
      startupMs,
    );
    const onData = (chunk) => {
      const text = chunk.toString();
      output.push(text);
      for (const line of text.split('\n')) if (line.trim()) log?.(`[code-server] ${line}`);
      if (text.includes('HTTP server listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void onExit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (${code ?? signal}):\n${output.join('')}`));
    });
  });

  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await onExit;
    clearTimeout(killer);
  };

  try {
    await listening;
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, origin: `http://127.0.0.1:${port}`, stop };
}
