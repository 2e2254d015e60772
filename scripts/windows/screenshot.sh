#!/usr/bin/env bash
# A PNG of the Windows program's window under Wine, at a display scaling of your choice —
# to look at it as an official's laptop shows it (125 % and 150 % are common).
#
#   scripts/windows/screenshot.sh OUT.png [--dpi 96|120|144] [--size 1366x768]
#       [--keys "KEY …"] -- [ARGS…]
#
# --dpi   Wine's LogPixels: 96 = 100 %, 120 = 125 %, 144 = 150 % (default 96)
# --size  the screen (default 1366x768)
# --keys  xdotool key names sent once the window shows, 0.5 s apart ("ctrl+4", "alt+F4")
# ARGS    the program's arguments (a data file, --lang en); paths as for wine.sh
#
# Runs target/windows/industry-desk.exe (build.sh) on an Xvfb of its own inside the chroot,
# waits for its window (a title with " — "), then for the window to stop changing, and
# saves the screen. Run as root. Exit 0 with the PNG written.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

out=${1:-}
shift || true
dpi=96 size=1366x768 keys=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dpi) dpi=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --keys) keys=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "screenshot.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
out=$(realpath -m "$out")

win_mount
d=160
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] || [ -e "$WIN_ROOT/tmp/.X$d-lock" ]; do d=$((d + 1)); done
display=:$d
win_chroot "exec Xvfb $display -screen 0 ${size}x24 -nolisten tcp -noreset" >/dev/null 2>&1 &
xvfb=$!
X() { win_chroot DISPLAY=$display "$1"; }
log=$(mktemp)
cleanup() {
  "$here/wine.sh" --stop
  # The X server runs inside the chroot, not as this shell's child: by its command line
  # (killing $xvfb, the subshell, left it running).
  win_chroot "pkill -f '^Xvfb $display '" 2>/dev/null
  wait "$xvfb" 2>/dev/null
  rm -f "$log"
  win_unmount
}
trap cleanup EXIT

deadline=$(($(date +%s) + 120))
until X "xdotool getdisplaygeometry >/dev/null 2>&1"; do
  [ "$(date +%s)" -lt "$deadline" ] || win_die "Xvfb did not start"
  sleep 0.2
done
INDUSTRY_DESK_WINE_DPI=$dpi "$here/wine.sh" --display "$display" "$repo/target/windows/industry-desk.exe" "$@" >"$log" 2>&1 &
program=$!
window=
until [ -n "$window" ]; do
  kill -0 "$program" 2>/dev/null || { cat "$log" >&2; win_die "the program ended before its window"; }
  [ "$(date +%s)" -lt "$deadline" ] || win_die "no window after 120 s"
  window=$(X "xdotool search --name ' — ' 2>/dev/null | head -n 1")
  [ -n "$window" ] || sleep 0.2
done
if [ -n "$keys" ]; then
  X "xdotool windowraise $window; xdotool windowfocus --sync $window; sleep 0.5
     for k in $keys; do xdotool key --clearmodifiers \$k; sleep 0.5; done"
fi
# The window is drawn when two grabs half a second apart are the same.
previous=
while [ "$(date +%s)" -lt "$deadline" ]; do
  shot=$(X "xwd -root -silent | md5sum")
  [ "$shot" = "$previous" ] && break
  previous=$shot
  sleep 0.5
done
X "xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng" >"$out" || win_die "no PNG"
X "xwininfo -id $window | grep -E 'Width|Height|Absolute'" | tr -s ' ' >&2
echo "$out"
