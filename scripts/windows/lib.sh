# shellcheck shell=bash
# lib.sh — what build.sh, wine.sh and test.sh share: the Debian sid chroot that holds the
# Windows tool chain (rustc/cargo/rust-src, mingw-w64, NSIS) and Wine, its set-up the first
# time, its mounts, and running a command inside it. Sourced, not run.
#
# Why a chroot: bookworm's rustc is too old and rustup cannot fetch targets here, while sid
# has rustc + rust-src (std is built for x86_64-pc-windows-gnu with -Zbuild-std), mingw-w64
# and Wine 10. Keeping sid inside a folder of its own never touches the host's /etc/apt.
#
#   INDUSTRY_DESK_WINDOWS_CHROOT   where the chroot lives (default below); kept between runs
#   INDUSTRY_DESK_DEBIAN_MIRROR    the sid mirror (default deb.debian.org)
#
# While a script runs, the host's root is bind-mounted at $WIN_ROOT/host: never delete the
# chroot folder then (`mount | grep windows-sid` shows whether anything is mounted; the last
# script to end unmounts everything).

WIN_ROOT=${INDUSTRY_DESK_WINDOWS_CHROOT:-/var/cache/industry-desk/windows-sid}
WIN_MIRROR=${INDUSTRY_DESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# Inside the chroot: Wine's own prefix (one for this project, kept between runs) and the
# folder where the host's root is bind-mounted (so any host path has a Wine path).
WIN_PREFIX=/var/lib/industry-desk/wine-prefix
WIN_HOST=/host
WINESERVER=/usr/lib/x86_64-linux-gnu/wine/wineserver # not on PATH in Debian's packaging

# Everything the scripts need inside the chroot, installed once. The tool chain; windres
# (binutils-mingw-w64) for the icon and version resources; NSIS for the installer; Wine and
# Mesa for running the program; Xvfb, xdotool, xwd, netpbm (PNGs of the screen) and pdftotext
# for the tests; the X and keyboard libraries the Linux build opens at run time (test.sh
# runs it beside the Windows build).
WIN_PACKAGES="rustc cargo rust-src gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 ca-certificates
  nsis wine wine64 libgl1 libegl1 libglx-mesa0 libgl1-mesa-dri libegl-mesa0 libxrandr2 libxi6
  libxcursor1 libxinerama1 libxcomposite1 libxxf86vm1 libx11-xcb1 libxkbcommon0
  libxkbcommon-x11-0 xvfb xauth xdotool x11-apps x11-utils poppler-utils netpbm procps"

win_log() { echo "[$(date +%T)] $*" >&2; }
win_die() { echo "${0##*/}: $*" >&2; exit 1; }

# Runs a bash command line inside the chroot with a clean environment; extra NAME=VALUE
# words before the command are passed into that environment.
win_chroot() {
  local envs=()
  while [ $# -gt 1 ]; do envs+=("$1"); shift; done
  # Without the mounts' lock (win_mount): a program left running (a window a test did not
  # close) would otherwise hold it, and every later run would wait for it forever.
  if [ -n "${WIN_LOCK_FD:-}" ]; then
    chroot "$WIN_ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb \
      DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8 "${envs[@]}" bash -c "$1" \
      {WIN_LOCK_FD}>&-
  else
    chroot "$WIN_ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb \
      DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8 "${envs[@]}" bash -c "$1"
  fi
}

# The chroot's mounts are shared by every script running at the same time (test.sh runs
# wine.sh many times, and someone may build meanwhile): each holder keeps a shared lock
# for as long as it runs, and the last one out (the only one able to take the lock
# exclusively) unmounts.
win_mount() {
  [ "$(id -u)" = 0 ] || win_die "run as root (chroot and mount need it)"
  mkdir -p "$(dirname "$WIN_ROOT")"
  exec {WIN_LOCK_FD}>"$WIN_ROOT.lock"
  flock -s "$WIN_LOCK_FD"
  mountpoint -q "$WIN_ROOT/proc" || mount -t proc proc "$WIN_ROOT/proc"
  mountpoint -q "$WIN_ROOT/sys" || mount -t sysfs sys "$WIN_ROOT/sys"
  if ! mountpoint -q "$WIN_ROOT/dev"; then
    mount --rbind /dev "$WIN_ROOT/dev"
    mount --make-rslave "$WIN_ROOT/dev"
  fi
  # The host's X sockets, so a host Xvfb (wine.sh --display) is reachable and an Xvfb
  # started inside is reachable from the host.
  mkdir -p /tmp/.X11-unix "$WIN_ROOT/tmp/.X11-unix"
  chmod 1777 /tmp/.X11-unix
  mountpoint -q "$WIN_ROOT/tmp/.X11-unix" || mount --bind /tmp/.X11-unix "$WIN_ROOT/tmp/.X11-unix"
  # The host's root, read-write, not recursive: host paths become $WIN_HOST/… inside. The
  # folders that are mounts of their own on the host (often /tmp, /home) are added.
  mkdir -p "$WIN_ROOT$WIN_HOST"
  if ! mountpoint -q "$WIN_ROOT$WIN_HOST"; then
    mount --bind / "$WIN_ROOT$WIN_HOST"
    mount --make-rslave "$WIN_ROOT$WIN_HOST"
    local m
    for m in /tmp /home /work /root /srv /mnt /media /opt /var/tmp; do
      if [ -d "$m" ] && mountpoint -q "$m"; then mount --bind "$m" "$WIN_ROOT$WIN_HOST$m"; fi
    done
  fi
  cp /etc/resolv.conf "$WIN_ROOT/etc/resolv.conf"
  trap win_unmount EXIT
}

win_unmount() {
  set +e
  [ -n "${WIN_LOCK_FD:-}" ] || return 0
  if flock -xn "$WIN_LOCK_FD"; then
    local m
    for m in $(awk -v r="$WIN_ROOT/" 'index($2, r) == 1 { print $2 }' /proc/self/mounts | sort -r); do
      umount -l "$m" 2>/dev/null
    done
  fi
  exec {WIN_LOCK_FD}>&-
  WIN_LOCK_FD=
}

# Creates the chroot the first time and installs what is missing; quick when all is there.
win_setup() {
  [ "$(id -u)" = 0 ] || win_die "run as root (debootstrap, chroot and mount need it)"
  if [ ! -x "$WIN_ROOT/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null || {
      win_log "installing debootstrap on the host"
      # Another apt on the host (a colleague's) may hold dpkg's lock: wait for it.
      { apt-get -o DPkg::Lock::Timeout=600 update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq debootstrap \
          >/dev/null; } || win_die "could not install debootstrap on the host"
    }
    win_log "debootstrap sid into $WIN_ROOT (about a minute)"
    rm -rf "$WIN_ROOT.new"
    mkdir -p "$WIN_ROOT.new"
    debootstrap --variant=minbase --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
      sid "$WIN_ROOT.new" "$WIN_MIRROR" >"$WIN_ROOT.debootstrap.log" 2>&1 ||
      win_die "debootstrap failed; see $WIN_ROOT.debootstrap.log"
    # Renamed only when complete, so an interrupted first run starts over cleanly.
    mv "$WIN_ROOT.new" "$WIN_ROOT"
  fi
  win_mount
  # The mirror served here is a frozen snapshot whose sid Release is past Valid-Until
  # (inside the chroot only: the host's apt is never touched).
  echo 'Acquire::Check-Valid-Until "false";' >"$WIN_ROOT/etc/apt/apt.conf.d/99novaliduntil"
  # crates.io is reached through a TLS-intercepting proxy whose CA the host trusts.
  mkdir -p "$WIN_ROOT/usr/local/share/ca-certificates"
  local crt new_ca=0
  for crt in /usr/local/share/ca-certificates/*.crt; do
    [ -f "$crt" ] || continue
    cmp -s "$crt" "$WIN_ROOT/usr/local/share/ca-certificates/${crt##*/}" && continue
    cp "$crt" "$WIN_ROOT/usr/local/share/ca-certificates/"
    new_ca=1
  done
  local missing packages
  # shellcheck disable=SC2086 # one line of words
  packages=$(echo $WIN_PACKAGES)
  missing=$(win_chroot "for p in $packages; do
      dpkg-query -W -f='\${Status}' \$p 2>/dev/null | grep -q 'install ok installed' || echo \$p
    done" | tr '\n' ' ')
  if [ -n "${missing// /}" ]; then
    win_log "apt-get install in the chroot: $missing"
    win_chroot "apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing" \
      >"$WIN_ROOT.apt.log" 2>&1 || win_die "apt-get in the chroot failed; see $WIN_ROOT.apt.log"
    new_ca=1
  fi
  if [ "$new_ca" = 1 ]; then
    win_chroot "update-ca-certificates >/dev/null 2>&1"
  fi
}
