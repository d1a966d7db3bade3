#!/usr/bin/env bash
# Debian packages the test suite needs on a bare machine: Chromium (HTML report and the
# code-server editor tests), Neovim (a real third-party LSP client), and what code-server's
# native modules need to build (libkrb5-dev) plus ripgrep (its search binary, taken from Debian
# instead of a GitHub download), and valgrind (the benchmark's instruction counts, which its
# smoke test runs). Idempotent: does nothing when everything is present.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v nvim >/dev/null || need+=(neovim)
command -v rg >/dev/null || need+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v git >/dev/null || need+=(git)
command -v valgrind >/dev/null || need+=(valgrind)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup-system: installing ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
