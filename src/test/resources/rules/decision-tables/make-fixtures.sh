#!/usr/bin/env bash
# Regenerates the decision-table fixtures of this folder with a real office program: make-fixtures.py writes each
# workbook as a flat OpenDocument spreadsheet, and LibreOffice Calc (Debian: libreoffice-calc-nogui) saves it as
# .xlsx with its own number formats, formula results and hidden sheets. Names end .drl.xlsx like the rules folder's.
set -euo pipefail
cd "$(dirname "$0")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 make-fixtures.py "$work"
soffice -env:UserInstallation="file://$work/profile" --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" \
    --outdir "$work" "$work"/*.fods >/dev/null
for fods in "$work"/*.fods; do
  name="$(basename "$fods" .fods)"
  cp "$work/$name.xlsx" "./$name.drl.xlsx"
done
ls -l ./*.drl.xlsx
