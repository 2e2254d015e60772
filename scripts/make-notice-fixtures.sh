#!/usr/bin/env bash
# Makes the files the intake tests read notices from, as other programs write them:
# LibreOffice turns notice 03 into a Word file and a PDF (its lines wrapped at the page's
# width), qpdf locks that PDF with a password, and the PDF's first page printed to a picture
# and back to PDF stands for a scan with no text layer.
#
#   scripts/make-notice-fixtures.sh        (writes tests/data/notices/files/)
#
# Needs libreoffice-writer, qpdf, poppler-utils and python3. The files are committed;
# run this only to make them again.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/data/notices/files
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tests/data/notices/03-unit-dashes.txt "$work/03-unit-dashes.txt"
for kind in docx pdf; do
  soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to "$kind" \
    --outdir "$work" "$work/03-unit-dashes.txt" >/dev/null
done
cp "$work/03-unit-dashes.docx" "$work/03-unit-dashes.pdf" "$out/"
qpdf --encrypt "mat-khau" "chu-so-huu" 256 -- "$work/03-unit-dashes.pdf" "$out/03-encrypted.pdf"
# The scan: page 1 as a grey picture (PGM), wrapped in a one-page PDF as a scanner writes
# it — an image and no text.
pdftoppm -r 60 -gray -f 1 -l 1 "$work/03-unit-dashes.pdf" "$work/page"
python3 - "$work"/page-*1.pgm "$out/03-scanned.pdf" <<'PY'
import sys, zlib
data = open(sys.argv[1], 'rb').read()
fields, rest = [], data
while len(fields) < 4:
    rest = rest.lstrip()
    token, _, rest = rest.partition(b'\n' if len(fields) == 3 else b' ' if b' ' in rest[:12] else b'\n')
    fields.extend(token.split())
width, height = int(fields[1]), int(fields[2])
pixels = zlib.compress(rest[: width * height])
page_w, page_h = 595, 842
content = f"q {page_w} 0 0 {page_h} 0 0 cm /Scan Do Q".encode()
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w} {page_h}] /Resources << /XObject << /Scan 4 0 R >> >> /Contents 5 0 R >>".encode(),
    f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {len(pixels)} >>\nstream\n".encode() + pixels + b"\nendstream",
    f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for n, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
xref = len(out)
out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
for offset in offsets:
    out += f"{offset:010d} 00000 n \n".encode()
out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
open(sys.argv[2], 'wb').write(out)
PY
ls -l "$out"
