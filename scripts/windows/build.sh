#!/usr/bin/env bash
# Builds the Windows program and its installer on this Linux machine:
#   target/windows/industry-desk.exe        the program (release, GUI subsystem)
#   target/windows/industry-desk.com        its console twin, for cmd and PowerShell
#   target/windows/industry-desk-setup.exe  the installer (NSIS; per user, /S for silent)
#
#   scripts/windows/build.sh            # all three
#   scripts/windows/build.sh --no-installer
#
# Run as root on Debian bookworm (as CI runs). The first run sets up a Debian sid chroot
# (scripts/windows/lib.sh: debootstrap, then sid's rustc/cargo/rust-src 1.97, mingw-w64,
# NSIS, Wine) in /var/cache/industry-desk/windows-sid, or INDUSTRY_DESK_WINDOWS_CHROOT, and
# keeps it; the host's own apt sources are never touched. The source folder is bind-mounted
# into the chroot and built there with std built from source (-Zbuild-std) for
# x86_64-pc-windows-gnu, into target/windows. Timings are in README (Windows).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

installer=1
case "${1:-}" in
  "") ;;
  --no-installer) installer=0 ;;
  -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--no-installer]" >&2; exit 2 ;;
esac

started=$(date +%s)
stage() { win_log "$1 (at $(($(date +%s) - started)) s)"; }
stage "chroot: $WIN_ROOT"
win_setup
stage "chroot ready"

# The source at a fixed place inside (cargo's fingerprints hold paths: a fixed place keeps
# later builds incremental), named after the clone's path so two clones don't share it.
inside=/build/$(basename "$repo")-$(printf %s "$repo" | cksum | cut -d' ' -f1)
mkdir -p "$WIN_ROOT$inside"
mountpoint -q "$WIN_ROOT$inside" || mount --bind "$repo" "$WIN_ROOT$inside"

target=x86_64-pc-windows-gnu
out=target/windows
# std for the target is built from sid's rust-src (RUSTC_BOOTSTRAP lets a stable cargo take
# -Zbuild-std); mingw-w64's gcc links, and embed-resource finds x86_64-w64-mingw32-windres.
win_chroot CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc AR_x86_64_pc_windows_gnu=x86_64-w64-mingw32-ar \
  RUSTC_BOOTSTRAP=1 CARGO_TERM_COLOR=never CARGO_TARGET_DIR="$inside/$out" \
  "cd '$inside' && nice -n 10 cargo build --release --locked --bins --target $target \
     -Zbuild-std=std,panic_abort"
stage "cargo build done"
cp "$repo/$out/$target/release/industry-desk.exe" "$repo/$out/industry-desk.exe"
cp "$repo/$out/$target/release/industry-desk-console.exe" "$repo/$out/industry-desk.com"
ls -l "$repo/$out/industry-desk.exe" "$repo/$out/industry-desk.com"

if [ "$installer" = 1 ]; then
  # The .ico build.rs made for the resources is the installer's icon too.
  ico=$(find "$repo/$out/$target/release/build" -name industry-desk.ico -printf '%T@ %p\n' |
    sort -n | tail -n 1 | cut -d' ' -f2-)
  [ -n "$ico" ] || win_die "no industry-desk.ico under $out (build.rs makes it)"
  version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -n 1)
  win_chroot "cd '$inside' && makensis -V2 -INPUTCHARSET UTF8 -DVERSION=$version \
      -DICON='$inside/${ico#"$repo"/}' -DBUILD='$inside/$out' -DROOT='$inside' \
      -DOUTFILE='$inside/$out/industry-desk-setup.exe' packaging/windows/industry-desk.nsi"
  ls -l "$repo/$out/industry-desk-setup.exe"
  stage "installer done"
fi
stage "all done"
