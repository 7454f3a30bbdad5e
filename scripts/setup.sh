#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, test and demo Satchel.
# Idempotent: asks dpkg first and only calls apt-get for packages that are missing,
# so a second run takes well under a second.
set -euo pipefail

build_packages=(
  cmake ninja-build g++ pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6sql6-sqlite libsqlite3-dev libgl-dev libvulkan-dev
  qtkeychain-qt6-dev libgmime-3.0-dev libssl-dev
  clang libclang-rt-14-dev
)
server_packages=(
  openssl dovecot-imapd dovecot-pop3d vsftpd python3-pyftpdlib python3-openssl
  passwd procps iproute2
)
demo_packages=(xvfb xauth imagemagick)

want=("${build_packages[@]}" "${server_packages[@]}")
case "${1:-}" in
  --with-demo) want+=("${demo_packages[@]}") ;;
  "") ;;
  *) echo "usage: $0 [--with-demo]" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#want[@]} packages present"
  exit 0
fi

sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "setup: not root and no sudo; install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
# policy-rc.d keeps the packages' own system services (dovecot on 143/993, vsftpd on 21)
# from starting: the tests run their own instances on free loopback ports.
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
  trap '"${sudo[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
fi
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
