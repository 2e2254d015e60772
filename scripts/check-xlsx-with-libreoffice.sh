#!/usr/bin/env bash
# Checks that LibreOffice reads the exported workbook as we mean it: exports the built-in
# dataset to .xlsx, has LibreOffice (headless, Debian's libreoffice-calc-nogui) convert
# every sheet to CSV, then looks for numbers and Vietnamese text in what it wrote.
#
#   scripts/check-xlsx-with-libreoffice.sh [path/to/industry-desk]
#
# Needs: sudo apt-get install libreoffice-calc-nogui. Exit 0 when every check passes.
set -euo pipefail
bin=${1:-target/debug/industry-desk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" export xlsx -o "$work/so-lieu.xlsx" --today 2019-10-01 >/dev/null
# One CSV per sheet (the "-1" sheet option of LibreOffice 7.2 and later), UTF-8 (76),
# comma-separated (44), quoted text (34).
LC_ALL=C.UTF-8 soffice --headless --norestore -env:UserInstallation=file://"$work/profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work" "$work/so-lieu.xlsx" >/dev/null 2>&1
fail=0
check() { # FILE PATTERN WHAT
  if grep -q -- "$2" "$1"; then echo "ok   $3"; else echo "FAIL $3 (no '$2' in $(basename "$1"))"; fail=1; fi
}
figures=$(ls "$work"/so-lieu-Số\ liệu.csv 2>/dev/null || ls "$work"/*.csv | head -1)
check "$figures" ',Điện thương phẩm,' "Vietnamese text of the figures sheet"
check "$figures" ',365000000,' "365 million kWh as a plain number"
check "$figures" ',9.5,' "the change +9,5% as the number 9.5"
meetings=$(ls "$work"/*Cuộc\ họp*.csv)
# Under the C locale LibreOffice writes a date cell US-style (07/15/2019); a text cell
# would have kept our 15/07/2019. So this proves the cell is a real date.
check "$meetings" ',07/15/2019,' "the meeting date read as a date"
check "$meetings" 'Nguyễn Công Trưởng' "the chair's name"
directives=$(ls "$work"/*Chỉ\ đạo*.csv)
check "$directives" 'Rà soát lại các mỏ đá' "a directive's text"
zones=$(ls "$work"/*Khu,\ cụm*.csv)
check "$zones" 'Khu công nghiệp Đồng Bành,Khu công nghiệp,321,' "a zone's area as a number"
exit $fail
