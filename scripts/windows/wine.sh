#!/usr/bin/env bash
# Runs a Windows program under Wine (the program, its installer, msiexec …), in the chroot
# build.sh set up, with a Wine prefix of its own.
#
#   scripts/windows/wine.sh [--display :N] PROGRAM [ARGS…]   run it; its output and exit code
#   scripts/windows/wine.sh --stop                            end every process of that Wine
#   scripts/windows/wine.sh --find PATTERN                    files in the prefix named PATTERN
#
# PROGRAM and file arguments are paths on this machine, absolute or relative to the current
# folder; they are handed to the program as Windows paths (Z:\host\…), Vietnamese letters
# and spaces included. An argument is taken for a path when it names something that exists,
# or when it holds a "/" and the folder it names exists (write `./new.ron`, not `new.ron`,
# for a file still to be made); anything else (`check`, `/S`, `--lang`) passes unchanged.
# Standard input, output and error are the program's, and so is the exit status.
#
# --display :N   the X display for windows (default: $DISPLAY; none for command-line use)
# --find PATTERN a shell glob matched against file names (e.g. '*.lnk'); prints host paths
#
# Environment: INDUSTRY_DESK_WINE_PREFIX (the prefix, a path inside the chroot; default
# /var/lib/industry-desk/wine-prefix), INDUSTRY_DESK_WINE_DPI (Wine's LogPixels: 96 = 100 %,
# 120 = 125 %, 144 = 150 % display scaling; set before the program starts),
# INDUSTRY_DESK_WINDOWS_CHROOT (see lib.sh). Run as root; needs the chroot (build.sh makes it).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
WIN_PREFIX=${INDUSTRY_DESK_WINE_PREFIX:-$WIN_PREFIX}

usage() { sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ -x "$WIN_ROOT/usr/bin/wine-stable" ] || win_die "no Wine in $WIN_ROOT: run scripts/windows/build.sh first"

display=${DISPLAY:-}
mode=run
case "${1:-}" in
  "" | -h | --help) usage ;;
  --stop) mode=stop; shift ;;
  --find) [ $# -eq 2 ] || usage; mode=find; pattern=$2; shift 2 ;;
  --display) [ $# -ge 3 ] || usage; display=$2; shift 2 ;;
esac

win_mount

# The environment every Wine command gets: the prefix, no Mono/Gecko download dialogs, a
# UTF-8 locale (without one Wine hands non-ASCII arguments over mangled, and names such as
# "Tài liệu" become invalid), quiet logs.
wine_env=(WINEPREFIX="$WIN_PREFIX" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  XDG_RUNTIME_DIR=/run/industry-desk-wine LIBGL_ALWAYS_SOFTWARE=1)
[ -n "$display" ] && wine_env+=(DISPLAY="$display")
prepare="mkdir -p -m 700 /run/industry-desk-wine; mkdir -p '$(dirname "$WIN_PREFIX")'"

case "$mode" in
  stop)
    win_chroot "${wine_env[@]}" "$prepare; $WINESERVER -k 2>/dev/null; $WINESERVER -w 2>/dev/null; true"
    exit 0
    ;;
  find)
    [ -d "$WIN_ROOT$WIN_PREFIX" ] || exit 0
    find "$WIN_ROOT$WIN_PREFIX" -name "$pattern" -print
    exit 0
    ;;
esac

[ $# -ge 1 ] || usage

# A host path as the program sees it: the host's root is $WIN_HOST inside the chroot, and
# the chroot's root is Wine's drive Z:.
windows_path() {
  local full
  full=$(realpath -m -- "$1")
  printf 'Z:%s' "$(printf %s "$WIN_HOST$full" | tr / '\\')"
}
is_path() {
  case "$1" in -*) return 1 ;; esac
  [ -e "$1" ] && return 0
  case "$1" in */*) ;; *) return 1 ;; esac
  local parent
  parent=$(dirname -- "$1")
  [ "$parent" != / ] && [ -d "$parent" ]
}

program=$1; shift
[ -f "$program" ] || win_die "no such program: $program"
program_inside=$WIN_HOST$(realpath -- "$program")
args=()
for arg in "$@"; do
  if is_path "$arg"; then args+=("$(windows_path "$arg")"); else args+=("$arg"); fi
done

# The command line inside is built from quoted words, so spaces and quotes in paths survive.
command="$prepare; cd /; "
if [ -n "${INDUSTRY_DESK_WINE_DPI:-}" ]; then
  # Wine reads the scaling when its session starts: the session that wrote it ends first
  # (else the program came up at the scaling of the run before).
  command+="wine reg add 'HKCU\\Control Panel\\Desktop' /v LogPixels /t REG_DWORD /d ${INDUSTRY_DESK_WINE_DPI} /f >/dev/null 2>&1; $WINESERVER -w; "
fi
command+="exec wine $(printf '%q ' "$program_inside" "${args[@]}")"
win_chroot "${wine_env[@]}" "$command"
