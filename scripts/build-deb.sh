#!/usr/bin/env bash
# Builds the Debian package with cargo-deb ([package.metadata.deb] in Cargo.toml: the binary,
# the desktop entry, the MIME type, the icons, the font licences), shows its control fields
# and files, checks that every file the package should install is in it, and runs lintian on
# it when lintian is installed. With --install, installs it with apt and checks the result:
# the binary runs (--version; `new` then `check` on a file), the desktop entry, icons and
# MIME type are in place, and the desktop and MIME caches know them.
#
#   scripts/build-deb.sh             # build and inspect target/debian/industry-desk_*.deb
#   scripts/build-deb.sh --install   # the same, then install it (sudo unless root) and check
#
# A release build: ~15 minutes on two cores. Needs cargo-deb (cargo install cargo-deb) and
# dpkg-dev (dpkg-shlibdeps, for the $auto dependencies); lintian and, for the MIME check after
# installing, gio (libglib2.0-bin) are used when present. Exit 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."

install=0
case "${1:-}" in
  "") ;;
  --install) install=1 ;;
  -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--install]" >&2; exit 2 ;;
esac

fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

# cargo-deb prints the path of the package it wrote on standard output, all else on stderr.
deb=$(cargo deb --locked | tail -n 1)
[ -f "$deb" ] || { echo "cargo deb wrote no package (it said: $deb)" >&2; exit 1; }
echo "== $deb"

echo "== dpkg-deb --info"
dpkg-deb --info "$deb"
echo "== dpkg-deb --contents"
contents=$(dpkg-deb --contents "$deb")
echo "$contents"

# Every file the package must install (Cargo.toml's assets, at their destinations).
expected=(
  /usr/bin/industry-desk
  /usr/share/applications/industry-desk.desktop
  /usr/share/mime/packages/industry-desk.xml
  /usr/share/icons/hicolor/scalable/apps/industry-desk.svg
  /usr/share/doc/industry-desk/OFL.txt
  /usr/share/doc/industry-desk/LiberationSerif-LICENSE.txt
  /usr/share/doc/industry-desk/copyright
)
sizes=(16 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/industry-desk.png")
done
echo "== the package's files"
for path in "${expected[@]}"; do
  # dpkg-deb lists paths as ./usr/...; the path is the last field.
  if awk '{print $NF}' <<<"$contents" | grep -qx ".$path"; then ok "$path"; else bad "$path not in the package"; fi
done
depends=$(dpkg-deb --field "$deb" Depends)
for library in libc6 libx11-6 libxkbcommon-x11-0 libgl1 libegl1; do
  if grep -qw -- "$library" <<<"$depends"; then ok "Depends: $library"; else bad "Depends has no $library"; fi
done

if command -v lintian >/dev/null; then
  echo "== lintian"
  # Reported, not fatal: cargo-deb packages draw tags (no changelog, for one) that are
  # a matter of taste for a package installed by hand.
  lintian --info "$deb" || echo "(lintian found the problems above)"
else
  echo "(no lintian: sudo apt-get install lintian to check the package against Debian policy)"
fi

if [ "$install" = 1 ]; then
  echo "== installing"
  sudo=sudo
  [ "$(id -u)" = 0 ] && sudo=
  # apt takes a local package by a path with a slash in it, and installs its Depends.
  $sudo apt-get install -y "$(realpath "$deb")"

  echo "== what was installed"
  if version=$(/usr/bin/industry-desk --version); then ok "runs: $version"; else bad "/usr/bin/industry-desk --version"; fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  if /usr/bin/industry-desk new "$work/so-lieu.ron" >/dev/null && /usr/bin/industry-desk check "$work/so-lieu.ron" >/dev/null; then
    ok "new, then check, on a file"
  else
    bad "industry-desk new / check"
  fi
  for path in "${expected[@]}"; do
    if [ -e "$path" ]; then ok "installed $path"; else bad "$path not installed"; fi
  done
  if command -v desktop-file-validate >/dev/null; then
    said=$(desktop-file-validate /usr/share/applications/industry-desk.desktop 2>&1) || said="failed: $said"
    if [ -z "$said" ]; then ok "desktop-file-validate"; else bad "desktop-file-validate: $said"; fi
  fi
  # desktop-file-utils' trigger (update-desktop-database) lists the entry for our type.
  if [ -f /usr/share/applications/mimeinfo.cache ]; then
    if grep -q '^application/x-industry-desk=.*industry-desk.desktop' /usr/share/applications/mimeinfo.cache; then
      ok "mimeinfo.cache: our files open with the app"
    else
      bad "mimeinfo.cache does not list industry-desk.desktop for application/x-industry-desk"
    fi
  fi
  # shared-mime-info's trigger (update-mime-database) rebuilt the database with our type.
  if grep -qx 'application/x-industry-desk' /usr/share/mime/types; then
    ok "the MIME database has application/x-industry-desk"
  else
    bad "application/x-industry-desk is not in /usr/share/mime/types"
  fi
  if command -v gio >/dev/null; then
    cp "$work/so-lieu.ron" "$work/so-lieu"
    printf '(a: 1)\n' >"$work/other.ron"
    type_of() { gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'; }
    for case in "so-lieu.ron application/x-industry-desk" "so-lieu application/x-industry-desk" \
      "other.ron application/x-ron"; do
      read -r name want <<<"$case"
      got=$(type_of "$work/$name")
      if [ "$got" = "$want" ]; then ok "gio: $name is $got"; else bad "gio: $name is $got, not $want"; fi
    done
  else
    echo "(no gio: sudo apt-get install libglib2.0-bin to check files' types by content)"
  fi
fi

exit $fail
