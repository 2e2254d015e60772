#!/usr/bin/env bash
# Checks that LibreOffice lays the exported Word report out as we mean it: exports the
# built-in dataset's report in the administrative layout to .docx, has LibreOffice
# (headless, Debian's libreoffice-writer-nogui) convert it to PDF, then reads that PDF back
# with poppler: the header block's words, the styles' fonts, page 1 without a number and
# page 2 with one, the appendix landscape. Leaves the PDF and a PNG of each page in OUT (by
# default a temporary folder it names) to look at.
#
#   scripts/check-docx-with-libreoffice.sh [path/to/industry-desk] [OUT]
#
# Needs: sudo apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2
# (LibreOffice stands Liberation Serif in for Times New Roman). Exit 0 when every check passes.
set -euo pipefail
bin=${1:-target/debug/industry-desk}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
"$bin" export report -o "$out/bao-cao.docx" --today 2026-12-01 >/dev/null
LC_ALL=C.UTF-8 soffice --headless --norestore -env:UserInstallation=file://"$out/profile" \
  --convert-to pdf --outdir "$out" "$out/bao-cao.docx" >/dev/null 2>&1
pdf="$out/bao-cao.pdf"
fail=0
check() { # TEXT PATTERN WHAT
  if grep -q -- "$2" <<<"$1"; then echo "ok   $3"; else echo "FAIL $3 (no '$2')"; fail=1; fi
}
text=$(pdftotext -enc UTF-8 "$pdf" - | tr -s ' \n' '  ')
check "$text" 'UBND TỈNH LẠNG SƠN' "the parent body"
check "$text" 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "Quốc hiệu"
check "$text" 'Độc lập - Tự do - Hạnh phúc' "Tiêu ngữ"
check "$text" 'Lạng Sơn, ngày 01 tháng 12 năm 2026' "place and date"
check "$text" 'tăng 9,5% so với cùng kỳ năm 2018' "a figure sentence"
check "$text" 'Hình 1. Điện thương phẩm' "a figure's caption"
check "$text" 'Nơi nhận:' "the recipients"
check "$text" 'Phụ lục' "the appendix"
fonts=$(pdffonts "$pdf")
check "$fonts" 'LiberationSerif' "Times New Roman set in its metric twin"
pdftotext -f 1 -l 1 -bbox "$pdf" "$out/page1.html"
pdftotext -f 2 -l 2 -bbox "$pdf" "$out/page2.html"
first_top=$(grep -o 'yMin="[0-9.]*"' "$out/page1.html" | sed -n 1p | tr -dc '0-9.')
second_first=$(grep '<word' "$out/page2.html" | sed -n 1p)
check "$second_first" '>2</word>' "page 2 starts with its number at the top"
if awk -v y="$first_top" 'BEGIN { exit !(y > 50) }'; then
  echo "ok   no number above page 1's text (its first word at y=$first_top)"
else
  echo "FAIL page 1's first word is at y=$first_top"; fail=1
fi
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
last=$(pdfinfo -f "$pages" -l "$pages" "$pdf" | grep "Page.*size" | tail -1)
check "$last" 'size:  841.8' "the appendix's last page is landscape ($last)"
pdftoppm -r 60 -png "$pdf" "$out/page"
echo "$pages pages; the PDF and the PNG of each page are in $out"
exit $fail
