#!/usr/bin/env bash
# Tests the Windows program itself under Wine (target/windows, made by build.sh), against
# the Linux build of the same source:
#   - the window on a file whose path has Vietnamese letters and spaces; a click and keys
#     make an edit, Ctrl+S saves it; the file holds it, with no "\r", and is the bytes the
#     Linux build saves from the same edit (but for the revision id and the change times,
#     which differ from any save to the next);
#   - killed once its recovery copy is written, started again: the copy is offered, Enter
#     restores it, Ctrl+S saves it, the copy is gone;
#   - `check` and `export report` through industry-desk.com print what Linux prints and
#     return the same exit codes; the PDF's text (pdftotext) is Linux's;
#   - a second Windows process holds the file open: `new --force` says so naming the file,
#     the window's Ctrl+S fails and keeps the work (title still unsaved, file untouched),
#     and once the holder lets go Ctrl+S saves;
#   - the installer, silently (/S /ASSOCIATE): program, console twin and the Start-menu
#     shortcut "Bàn làm việc công nghiệp" found with wine.sh --find, the installed program
#     runs, the association is in the registry; the uninstaller (/S) removes them and leaves
#     the data folder.
# Every wait is for the thing needed (a window, a title, a file), with a deadline.
#
#   scripts/windows/test.sh [--linux-bin PATH]
#
# PATH: the Linux build to compare with (default: $CARGO_TARGET_DIR/debug/industry-desk,
# else target/debug/industry-desk, built with cargo when missing). Run as root after
# build.sh. Uses a Wine prefix of its own, made afresh each run. Prints one line a test and
# "N passed, M failed"; exit status 0 only when all passed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

linux_bin=
case "${1:-}" in
  "") ;;
  --linux-bin) linux_bin=${2:?}; shift 2 ;;
  -h | --help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--linux-bin PATH]" >&2; exit 2 ;;
esac
exe=$repo/target/windows/industry-desk.exe
com=$repo/target/windows/industry-desk.com
setup=$repo/target/windows/industry-desk-setup.exe
for f in "$exe" "$com" "$setup"; do
  [ -f "$f" ] || win_die "$f is missing: run scripts/windows/build.sh first"
done
if [ -z "$linux_bin" ]; then
  linux_bin=${CARGO_TARGET_DIR:-$repo/target}/debug/industry-desk
  if [ ! -x "$linux_bin" ]; then
    win_log "building the Linux binary to compare with"
    (cd "$repo" && nice -n 10 cargo build --locked --bin industry-desk) || win_die "cargo build failed"
  fi
fi
linux_bin=$(realpath "$linux_bin")

# Seconds any one thing may take: Wine is slow to start, and slower on a loaded machine (a
# window took over 90 s here with two builds running).
PATIENCE=${INDUSTRY_DESK_TEST_PATIENCE:-240}
export INDUSTRY_DESK_WINE_PREFIX=/var/lib/industry-desk/wine-test-prefix
prefix=$WIN_ROOT$INDUSTRY_DESK_WINE_PREFIX
started=$(date +%s)

win_mount # held for the whole run: the many wine.sh calls below share these mounts
work=$(mktemp -d /tmp/industry-desk-windows-test.XXXXXX)
xvfb_pid=
cleanup() {
  set +e
  # A Linux window still open (a test stopped half way) would outlive the run.
  [ -n "${window_id:-}" ] && IN "kill \$(xdotool getwindowpid $window_id) 2>/dev/null"
  "$here/wine.sh" --stop
  # The X server runs inside the chroot, not as this shell's child: by its command line.
  [ -n "$xvfb_pid" ] && IN "pkill -f '^Xvfb $display '" && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
  win_unmount
}
trap cleanup EXIT

passed=0 failed=0
pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; shift; for line in "$@"; do echo "     $line"; done; failed=$((failed + 1)); }

W() { "$here/wine.sh" "$@"; }
# A command inside the chroot on the test display (xdotool, the Linux build, pdftotext).
IN() { win_chroot DISPLAY="$display" HOME="$WIN_HOST$work/linux-home" \
  XDG_DATA_HOME="$WIN_HOST$work/linux-data" LIBGL_ALWAYS_SOFTWARE=1 "$1"; }
q() { printf '%q' "$1"; }
host() { printf '%s%s' "$WIN_HOST" "$1"; } # a host path as seen inside the chroot

# Polls `$@` (a command) until it succeeds, for at most PATIENCE seconds.
wait_until() {
  local what=$1 deadline=$(($(date +%s) + PATIENCE))
  shift
  until "$@"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "     waited ${PATIENCE}s for $what" >&2
      return 1
    fi
    sleep 0.2
  done
}

# --- the display and the prefix ---------------------------------------------------------
d=120
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] || [ -e "$WIN_ROOT/tmp/.X$d-lock" ]; do d=$((d + 1)); done
display=:$d
# Inside the chroot (its Xvfb, fonts and xkb); the socket lands in the host's /tmp/.X11-unix.
win_chroot "exec Xvfb $display -screen 0 1600x1000x24 -nolisten tcp -noreset" >/dev/null 2>&1 &
xvfb_pid=$!
wait_until "the X server" IN "xdotool getdisplaygeometry >/dev/null 2>&1" || win_die "Xvfb did not start"
# Every Wine program of the run on that display, the console ones too: the first program of
# a Wine session binds the session's display, and a window opened while a wineserver
# started without one still ran went nowhere (no window in 240 s).
export DISPLAY=$display
W --stop
rm -rf "$prefix"
win_log "making the test's Wine prefix"
W "$com" --version >"$work/version.txt" 2>"$work/prefix.log" || true
mkdir -p "$work/linux-home" "$work/linux-data"

docs="$work/Tài liệu của tôi"
mkdir -p "$docs"
file="$docs/Báo cáo tháng 7.ron"
linux_file="$work/linux/Báo cáo tháng 7.ron"
mkdir -p "$(dirname "$linux_file")"
W "$com" new "$file" >/dev/null || win_die "the Windows build cannot write $file"
cp "$file" "$linux_file"
original="$work/original.ron"
cp "$file" "$original"
appdata="$prefix/drive_c/users/root/AppData/Roaming/industry-desk/data"

# --- the executables ----------------------------------------------------------------------
# What Explorer and cmd see in the files themselves: the program is a GUI-subsystem
# executable (no console window behind it), the twin a console one; both carry the icon, the
# version information (the name Task Manager and Properties show) and the manifest.
t="the .exe is a GUI program, the .com a console one, both with icon, version and manifest"
pe_subsystem() { IN "x86_64-w64-mingw32-objdump -p $(q "$(host "$1")") | sed -n 's/^Subsystem[[:space:]]*//p'"; }
pe_resources() { IN "x86_64-w64-mingw32-windres --input-format=coff --output-format=rc -i $(q "$(host "$1")") 2>&1"; }
gui=$(pe_subsystem "$exe") console=$(pe_subsystem "$com")
resources_exe=$(pe_resources "$exe") resources_com=$(pe_resources "$com")
problems=()
case "$gui" in *"Windows GUI"*) ;; *) problems+=("industry-desk.exe subsystem: $gui") ;; esac
case "$console" in *"Windows CUI"*) ;; *) problems+=("industry-desk.com subsystem: $console") ;; esac
for kind in exe com; do
  resources=resources_$kind
  for want in "RT_ICON" "VERSIONINFO" "RT_MANIFEST"; do
    grep -q -- "$want" <<<"${!resources}" || problems+=("industry-desk.$kind has no $want resource")
  done
  # windres writes the product name's letters beyond ASCII as C escapes, in UTF-16.
  product='VALUE "ProductName", L"B\340n l\340m vi\x1ec7c c\364ng nghi\x1ec7p"'
  grep -qaF -- "$product" <<<"${!resources}" ||
    problems+=("industry-desk.$kind's version information is not named Bàn làm việc công nghiệp")
done
if [ ${#problems[@]} -eq 0 ]; then pass "$t"; else fail "$t" "${problems[@]}"; fi

# --- the window ---------------------------------------------------------------------------
# The first X window whose title starts with $1, by the title read as UTF-8
# (_NET_WM_NAME, what getwindowname prints): winit sets
# WM_NAME, which `xdotool search --name` matches, to the UTF-8 bytes read as Latin-1, so a
# Linux window titled in Vietnamese is never found that way (Wine's windows are).
window_named() {
  IN "for w in \$(xdotool search --name . 2>/dev/null); do
        case \"\$(xdotool getwindowname \$w 2>/dev/null)\" in $(q "$1")*) echo \$w; break ;; esac
      done"
}
title_of() { IN "xdotool getwindowname $(live "$1") 2>/dev/null"; }
title_starts() { case "$(title_of "$1")" in "$2"*) return 0 ;; *) return 1 ;; esac; }
title_clean() { local t; t=$(title_of "$1"); [ -n "$t" ] && case "$t" in "● "*) return 1 ;; *) return 0 ;; esac; }
# Keys to the window: raised and focused first (no window manager runs under Xvfb).
keys() {
  local id
  id=$(live "$1")
  shift
  IN "xdotool windowraise $id; xdotool windowfocus --sync $id; sleep 0.3; for k in $*; do xdotool key --clearmodifiers \$k; sleep 0.3; done"
}
# A click at a point of the window's client area (its top left corner is the window's own).
click() {
  local id
  id=$(live "$1")
  IN "xdotool windowraise $id; xdotool mousemove --window $id $2 $3 click 1; sleep 0.3"
}

# Where the Chỉ đạo (directives) tab sits in the 1280×800 window (as in tests/e2e.rs).
TAB_X=476 TAB_Y=49

# Starts a program ($1: windows or linux) on a file; sets $window_id and $program_pid.
start_window() {
  local kind=$1 path=$2 log=$3 name
  name=$(basename "$path")
  if [ "$kind" = windows ]; then
    W --display "$display" "$exe" "$path" --lang vi --autosave-every 1 >"$log" 2>&1 &
  else
    IN "exec $(q "$(host "$linux_bin")") $(q "$(host "$path")") --lang vi --autosave-every 1" >"$log" 2>&1 &
  fi
  program_pid=$!
  window_id=
  local deadline=$(($(date +%s) + PATIENCE))
  while [ -z "$window_id" ]; do
    kill -0 "$program_pid" 2>/dev/null || { echo "     the program ended: $(cat "$log")"; return 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "     no window for $name after ${PATIENCE}s"; return 1; }
    window_title="$name — "
    window_id=$(window_named "$window_title")
    [ -n "$window_id" ] || sleep 0.2
  done
}
stop_window() {
  if [ "$1" = windows ]; then
    W --stop
  elif [ -n "$window_id" ]; then
    # The Linux build runs inside the chroot, not as a child of this shell: by the window's pid.
    IN "kill \$(xdotool getwindowpid $window_id) 2>/dev/null"
  fi
  kill "$program_pid" 2>/dev/null
  wait "$program_pid" 2>/dev/null
  program_pid=
  # Gone before the next test looks for a window of the same title: one still closing was
  # found and taken for the next program's.
  [ -n "$window_id" ] && wait_until "the window to close" window_gone "$window_id"
  window_id= window_title=
}
window_gone() { ! IN "xdotool getwindowname $1 >/dev/null 2>&1"; }
# The program's window now: the one given while it lives, else found again by its title.
# Under Wine the first window a program shows can be replaced by another of the same title
# (keys went to a window that had died: BadWindow, and the edit never came).
live() {
  if ! window_gone "$1"; then
    echo "$1"
  elif [ -n "${window_title:-}" ]; then
    window_named "$window_title"
  fi
}

# The edit: the directives tab by a click, the first directive ticked done by keys.
edit_and_save() {
  local id=$1
  click "$id" $TAB_X $TAB_Y &&
    keys "$id" Down space &&
    wait_until "the title to show unsaved work" title_starts "$id" "● " &&
    keys "$id" ctrl+s &&
    wait_until "the title to show the work saved" title_clean "$id"
}

# The file with what differs from one save to the next (the revision's id and the times
# records changed at) blanked out.
# (The ids are 16 hex digits, on one line or in a list over several.)
steady() { sed -E 's/"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z"/"TIME"/g; s/"[0-9a-f]{16}"/"ID"/g' "$1"; }

t="window on a Vietnamese path: click + keys + Ctrl+S saves the edit"
if start_window windows "$file" "$work/win1.log" && edit_and_save "$window_id"; then
  if cmp -s "$file" "$original"; then
    fail "$t" "the file did not change"
  else
    pass "$t"
  fi
else
  fail "$t" "$(tail -n 5 "$work/win1.log")"
fi
IN "xwd -root -silent" >"$work/after-save.xwd" 2>/dev/null
stop_window windows

t="the saved file has no \\r and passes check on Linux"
if grep -q $'\r' "$file"; then
  fail "$t" "carriage returns in $(grep -c $'\r' "$file") lines"
elif ! "$linux_bin" check "$file" >/dev/null 2>&1; then
  fail "$t" "$("$linux_bin" check "$file" 2>&1)"
else
  pass "$t"
fi

t="the Linux build saves the same bytes from the same edit"
if start_window linux "$linux_file" "$work/linux1.log" && edit_and_save "$window_id"; then
  stop_window linux
  if cmp -s <(steady "$file") <(steady "$linux_file"); then
    pass "$t"
  else
    fail "$t" "$(diff <(steady "$linux_file") <(steady "$file") | head -n 8)"
  fi
else
  stop_window linux
  fail "$t" "$(tail -n 5 "$work/linux1.log")"
fi

# --- recovery after a kill ----------------------------------------------------------------
copies() { find "$appdata/recovery" -maxdepth 1 -name '*.ron' ! -name '*.meta.ron' ! -name '.*' 2>/dev/null; }
# A copy that is a whole dataset file, unlike the file on disk (it holds the edit).
copy_with_edit() {
  local copy
  for copy in $(copies | tr '\n' ' '); do
    cmp -s "$copy" "$file" && continue
    "$linux_bin" check "$copy" >/dev/null 2>&1 && return 0
  done
  return 1
}
t="killed after its recovery copy: started again, the copy is offered and restored"
before=$(cat "$file" | sha256sum)
# The tab first: a window killed or stopped does not keep the tab it was on.
if start_window windows "$file" "$work/win2.log" && click "$window_id" $TAB_X $TAB_Y &&
  keys "$window_id" Down Down space &&
  wait_until "the title to show unsaved work" title_starts "$window_id" "● " &&
  wait_until "a recovery copy with the edit in $appdata/recovery" copy_with_edit; then
  W --stop # wineserver -k: the process is killed, no save, no goodbye
  wait "$program_pid" 2>/dev/null
  if [ "$(sha256sum <"$file")" != "$before" ]; then
    fail "$t" "the file changed without a save"
  elif start_window windows "$file" "$work/win3.log"; then
    restored=0
    deadline=$(($(date +%s) + PATIENCE))
    # Enter on the offer (its default button is Restore) until the window shows restored,
    # unsaved work: the offer comes a moment after the window.
    while [ "$(date +%s)" -lt "$deadline" ]; do
      keys "$window_id" Return
      if PATIENCE=3 wait_until "restored work" title_starts "$window_id" "● " 2>/dev/null; then
        restored=1
        break
      fi
    done
    if [ "$restored" = 1 ] && keys "$window_id" ctrl+s &&
      wait_until "the save" title_clean "$window_id" &&
      wait_until "the copy to go" test -z "$(copies)"; then
      if [ "$(sha256sum <"$file")" != "$before" ] && "$linux_bin" check "$file" >/dev/null 2>&1; then
        pass "$t"
      else
        fail "$t" "the restored work is not in the file"
      fi
    else
      fail "$t" "restored=$restored; title: $(title_of "$window_id")"
    fi
    stop_window windows
  else
    fail "$t" "$(tail -n 5 "$work/win3.log")"
  fi
else
  stop_window windows
  fail "$t" "$(tail -n 5 "$work/win2.log")"
fi

# --- the command line -------------------------------------------------------------------------
# What a command printed, with the file's path written the system's way replaced by FILE.
same_output() {
  local name=$1 wpath lpath
  shift
  wpath=$(printf 'Z:%s' "$(printf %s "$WIN_HOST$(realpath -m "$cli_file")" | tr / '\\')")
  W "$com" "$@" >"$work/$name.win.out" 2>"$work/$name.win.err"
  echo "exit $?" >>"$work/$name.win.out"
  "$linux_bin" "$@" >"$work/$name.linux.out" 2>"$work/$name.linux.err"
  echo "exit $?" >>"$work/$name.linux.out"
  sed -i "s|$(printf %s "$wpath" | sed 's/[\\&|]/\\&/g')|FILE|g" "$work/$name.win.out" "$work/$name.win.err"
  sed -i "s|$(printf %s "$cli_file" | sed 's/[\\&|]/\\&/g')|FILE|g" "$work/$name.linux.out" "$work/$name.linux.err"
  cmp -s "$work/$name.win.out" "$work/$name.linux.out" && cmp -s "$work/$name.win.err" "$work/$name.linux.err"
}
cli_file=$file
t="check prints what Linux prints, exit code included (industry-desk.com)"
if same_output check check "$cli_file" --lang vi && grep -q "exit 0" "$work/check.win.out"; then
  pass "$t"
else
  fail "$t" "$(diff "$work/check.linux.out" "$work/check.win.out" | head -n 6)" "$(head -c 300 "$work/check.win.err")"
fi
cli_file="$docs/hỏng.ron"
printf '(format: "industry-desk", version: 1, dataset: (' >"$cli_file"
t="check on a broken file: the same message and exit code as Linux"
if same_output broken check "$cli_file" --lang en && ! grep -q "exit 0" "$work/broken.win.out"; then
  pass "$t"
else
  fail "$t" "$(diff "$work/broken.linux.err" "$work/broken.win.err" | head -n 6)" "$(tail -n 1 "$work/broken.win.out")"
fi
t="export report: the PDF's text is Linux's"
pdf_win="$docs/Báo cáo.pdf" pdf_linux="$work/linux/Báo cáo.pdf"
W "$com" export report "$file" --out "$pdf_win" --today 2019-07-15 >"$work/pdf.win.out" 2>&1
win_status=$?
"$linux_bin" export report "$file" --out "$pdf_linux" --today 2019-07-15 >"$work/pdf.linux.out" 2>&1
linux_status=$?
if [ "$win_status" = 0 ] && [ "$linux_status" = 0 ] && [ -s "$pdf_win" ] &&
  cmp -s <(IN "pdftotext -layout $(q "$(host "$pdf_win")") -") <(IN "pdftotext -layout $(q "$(host "$pdf_linux")") -"); then
  pass "$t"
else
  fail "$t" "exit $win_status (Linux $linux_status): $(head -c 300 "$work/pdf.win.out")" \
    "$(diff <(IN "pdftotext -layout $(q "$(host "$pdf_linux")") -") <(IN "pdftotext -layout $(q "$(host "$pdf_win")") -") 2>&1 | head -n 6)"
fi

# --- a file another program holds open --------------------------------------------------------
holder=$work/hold-file.exe
win_chroot "x86_64-w64-mingw32-gcc -municode -O2 -o $(q "$(host "$holder")") $(q "$(host "$here/hold-file.c")")" ||
  win_die "cannot build hold-file.exe"
hold_start() {
  rm -f "$work/held" "$work/release"
  W "$holder" "$file" "$work/held" "$work/release" >"$work/holder.log" 2>&1 &
  holder_pid=$!
  wait_until "the second process to hold the file" test -e "$work/held"
}
hold_end() { touch "$work/release"; wait "$holder_pid" 2>/dev/null; }

t="new --force on a file held open: the message names the file, the file is untouched"
before=$(sha256sum <"$file")
if hold_start; then
  W "$com" new --force "$file" --lang en >"$work/held.out" 2>"$work/held.err"
  status=$?
  hold_end
  if [ "$status" != 0 ] && grep -q "Báo cáo tháng 7.ron" "$work/held.err" &&
    grep -q "another program" "$work/held.err" && [ "$(sha256sum <"$file")" = "$before" ]; then
    pass "$t"
  else
    fail "$t" "exit $status: $(cat "$work/held.err" "$work/held.out" | head -c 400)"
  fi
else
  fail "$t" "$(cat "$work/holder.log")"
fi

t="Ctrl+S while the file is held: the work is kept, and saved once the holder lets go"
temps() { find "$docs" -maxdepth 1 -name '.*.tmp' | grep -q .; }
if start_window windows "$file" "$work/win4.log" && click "$window_id" $TAB_X $TAB_Y &&
  keys "$window_id" Down Down Down space &&
  wait_until "the title to show unsaved work" title_starts "$window_id" "● " && hold_start; then
  before=$(sha256sum <"$file")
  keys "$window_id" ctrl+s
  # The save's temp file appears, then goes when the replace gives up.
  wait_until "the save to start" temps
  wait_until "the save to give up" bash -c "! find $(q "$docs") -maxdepth 1 -name '.*.tmp' | grep -q ."
  IN "xwd -root -silent" >"$work/held.xwd" 2>/dev/null
  held_title=$(title_of "$window_id")
  unchanged=0
  [ "$(sha256sum <"$file")" = "$before" ] && unchanged=1
  hold_end
  # The message that says so ("another program has this file open…") is closed with Escape
  # (or Enter, its OK), then Ctrl+S saves.
  if [ "$unchanged" = 1 ] && case "$held_title" in "● "*) true ;; *) false ;; esac &&
    keys "$window_id" Escape ctrl+s && wait_until "the save" title_clean "$window_id" &&
    [ "$(sha256sum <"$file")" != "$before" ]; then
    pass "$t"
  else
    fail "$t" "unchanged=$unchanged title=$held_title now: $(title_of "$window_id")"
  fi
  stop_window windows
else
  stop_window windows
  fail "$t" "$(tail -n 5 "$work/win4.log") $(cat "$work/holder.log" 2>/dev/null)"
fi

# --- the installer ------------------------------------------------------------------------------
t="installer /S /ASSOCIATE: program and Start-menu shortcut in place, the program runs"
W "$setup" /S /ASSOCIATE >"$work/setup.log" 2>&1
status=$?
installed=$(W --find industry-desk.exe | grep -F "/AppData/Local/Programs/industry-desk/" | head -n 1)
shortcut=$(W --find "Bàn làm việc công nghiệp.lnk" | head -n 1)
if [ "$status" = 0 ] && [ -n "$installed" ] && [ -n "$shortcut" ] &&
  [ -f "$(dirname "$installed")/industry-desk.com" ] &&
  W "$(dirname "$installed")/industry-desk.com" --version >"$work/installed.txt" 2>/dev/null &&
  cmp -s "$work/installed.txt" "$work/version.txt"; then
  pass "$t"
else
  fail "$t" "exit $status; program: ${installed:-none}; shortcut: ${shortcut:-none}; $(cat "$work/setup.log" "$work/installed.txt" 2>/dev/null | head -c 300)"
fi
t="the association of .ron files is in the user's registry"
reg() { W "$prefix/drive_c/windows/system32/reg.exe" "$@"; }
open_command='HKCU\Software\Classes\IndustryDesk.Data\shell\open\command'
if reg query "$open_command" 2>&1 | grep -qF 'industry-desk.exe" "%1"' &&
  reg query 'HKCU\Software\Classes\.ron' 2>&1 | grep -qF 'IndustryDesk.Data'; then
  pass "$t"
else
  fail "$t" "$(reg query "$open_command" 2>&1 | head -n 3)"
fi
t="uninstaller /S removes program and shortcut, leaves the data folder"
uninstaller=$(W --find uninstall.exe | grep -F "/Programs/industry-desk/" | head -n 1)
if [ -n "$uninstaller" ]; then
  W "$uninstaller" /S >"$work/uninstall.log" 2>&1
  # NSIS's uninstaller runs from a copy of itself in the temp folder: wait for its work.
  gone() { [ -z "$(W --find industry-desk.exe | grep -F /Programs/)" ] && [ -z "$(W --find 'Bàn làm việc công nghiệp.lnk')" ]; }
  if wait_until "the uninstaller" gone && [ -d "$appdata" ] && ! reg query "$open_command" >/dev/null 2>&1; then
    pass "$t"
  else
    fail "$t" "left: $(W --find 'industry-desk*'; W --find '*.lnk' | grep -i ban); data folder: $([ -d "$appdata" ] && echo kept || echo GONE)"
  fi
else
  fail "$t" "no uninstall.exe in the prefix"
fi

# Screens for a person to look at (after a save, and the held-file message).
for shot in after-save held; do
  [ -s "$work/$shot.xwd" ] &&
    win_chroot "xwdtopnm 2>/dev/null | pnmtopng" <"$work/$shot.xwd" >"$repo/target/windows/test-$shot.png" 2>/dev/null
done
echo "$passed passed, $failed failed ($(($(date +%s) - started)) s)"
[ "$failed" = 0 ]
