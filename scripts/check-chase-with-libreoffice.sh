#!/usr/bin/env bash
# Checks the follow-up letters and report sheets (issue 25) against LibreOffice, the office
# suite many units use instead of Word and Excel:
#   - a Word letter converted to PDF by LibreOffice holds the same words as the .docx
#     (python-docx reads the file: paragraphs and the directives' table), in the same
#     number;
#   - a report sheet filled by openpyxl, then opened and saved again by LibreOffice Calc as
#     .xlsx, is still recognised as that unit's answer: `import` shows the progress note and
#     the completion date it brings and writes them into the file.
# Leaves what it made in OUT (by default a temporary folder it names) to look at.
#
#   scripts/check-chase-with-libreoffice.sh [path/to/industry-desk] [OUT]
#
# Needs: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
# fonts-liberation2; pip install python-docx openpyxl. Exit 0 when every check passes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$repo/target/debug/industry-desk}")
out=${2:-$(mktemp -d)}
mkdir -p "$out"
out=$(realpath "$out")
echo "in $out"
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
soffice_to() { # FILTER OUTDIR FILE
  LC_ALL=C.UTF-8 soffice --headless --norestore -env:UserInstallation=file://"$out/profile" \
    --convert-to "$1" --outdir "$2" "$3" >/dev/null 2>&1
}

data=$out/so-lieu.ron
"$bin" new "$data" --force >/dev/null

# The letters: one Word file a lead unit, as the built-in meeting left them on 01/10/2019.
"$bin" letters "$data" -o "$out/letters" --format docx --reply-by 15/10/2019 \
  --today 2019-10-01 >"$out/letters.txt"
letter=$(find "$out/letters" -name '*.docx' | sort | head -n 1)
[ -n "$letter" ] || { bad "no Word letter written ($(cat "$out/letters.txt"))"; exit 1; }
soffice_to pdf "$out/letters" "$letter"
pdf=${letter%.docx}.pdf
if [ -f "$pdf" ]; then ok "LibreOffice converted $(basename "$letter")"; else bad "no PDF from LibreOffice"; exit 1; fi
# Words compared as sorted lists: a PDF's reading order across table cells is its own. The
# pages' headers are left out: they hold only the page number, a field, none on page 1.
python3 - "$letter" >"$out/docx-words.txt" <<'EOF'
import sys
import docx
document = docx.Document(sys.argv[1])
parts = [p.text for p in document.paragraphs]
for table in document.tables:
    for row in table.rows:
        seen = set()
        for cell in row.cells:
            if id(cell._tc) not in seen:  # a merged cell is listed once a column it spans
                seen.add(id(cell._tc))
                parts.extend(p.text for p in cell.paragraphs)
print("\n".join(" ".join(parts).split()))
EOF
pdftotext -enc UTF-8 "$pdf" - | tr -s ' \n\f' '\n\n\n' | sed '/^$/d' >"$out/pdf-words.txt"
sort "$out/docx-words.txt" >"$out/docx-sorted.txt"
sort "$out/pdf-words.txt" >"$out/pdf-sorted.txt"
words=$(wc -l <"$out/docx-sorted.txt")
if diff -q "$out/docx-sorted.txt" "$out/pdf-sorted.txt" >/dev/null; then
  ok "the PDF LibreOffice made holds the letter's $words words, no more, no fewer"
else
  bad "the words differ (< the .docx, > LibreOffice's PDF):"
  diff "$out/docx-sorted.txt" "$out/pdf-sorted.txt" | head -n 20 || true
fi
for phrase in 'V/v đôn đốc' 'Kính gửi' '15/10/2019'; do
  if tr '\n' ' ' <"$out/pdf-words.txt" | grep -q -- "$phrase"; then ok "the PDF says '$phrase'"; else bad "no '$phrase' in the PDF"; fi
done

# The report sheet: filled by openpyxl, then saved again by LibreOffice Calc.
"$bin" sheets "$data" -o "$out/sheets" --today 2019-10-01 >"$out/sheets.txt"
sheet=$(find "$out/sheets" -name '*.xlsx' | sort | head -n 1)
[ -n "$sheet" ] || { bad "no report sheet written ($(cat "$out/sheets.txt"))"; exit 1; }
python3 "$repo/tests/scripts/fill_report_sheet.py" "$sheet" "$out/filled.xlsx" \
  "5=|Đã rà soát xong, gửi kèm danh mục|date:2019-09-27|Chưa có kinh phí" >/dev/null
mkdir -p "$out/resaved"
soffice_to 'xlsx:Calc MS Excel 2007 XML' "$out/resaved" "$out/filled.xlsx"
resaved=$out/resaved/filled.xlsx
if [ -f "$resaved" ]; then ok "LibreOffice Calc saved the filled sheet again"; else bad "LibreOffice wrote no .xlsx"; exit 1; fi
if cmp -s "$out/filled.xlsx" "$resaved"; then bad "the sheet LibreOffice saved is byte for byte openpyxl's"; fi
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
if [ "$pages" = 1 ]; then ok "the letter is one page in LibreOffice"; else bad "the letter is $pages pages in LibreOffice"; fi
if printed=$("$bin" import "$resaved" --into "$data" 2>&1); then
  ok "import took the sheet LibreOffice saved"
else
  bad "import refused the sheet LibreOffice saved: $printed"
fi
echo "$printed" >"$out/import.txt"
for phrase in 'Đã rà soát xong, gửi kèm danh mục' '27/09/2019' 'Chưa có kinh phí'; do
  if grep -q -- "$phrase" <<<"$printed"; then ok "the answer shows '$phrase'"; else bad "the answer lacks '$phrase'"; fi
done
if "$bin" check "$data" >/dev/null && grep -q 'Đã rà soát xong' "$data"; then
  ok "the file holds the unit's note and passes check"
else
  bad "the unit's note is not in the file, or it fails check"
fi
exit "$fail"
