"""Fills a report sheet as a unit would, with openpyxl (another program than the one that
wrote it): fill_report_sheet.py SHEET.xlsx OUT.xlsx ROW=ID|PROGRESS|DONE|DIFFICULTY ...

Each ROW=... names a spreadsheet row (1-based) and what to put in its columns: the task
number (column A, left as is when empty — a tampered sheet changes it), the progress
(E), the completion date as typed (F; 'date:YYYY-MM-DD' writes a real date cell), the
difficulty (G). Prints the protection state so the test sees the sheet was protected."""
import datetime
import sys

import openpyxl

source, target, *rows = sys.argv[1:]
book = openpyxl.load_workbook(source)
sheet = book.worksheets[0]
print("protected" if sheet.protection.sheet else "unprotected")
print("hidden:" + ",".join(s.title for s in book.worksheets if s.sheet_state != "visible"))
for spec in rows:
    row, values = spec.split("=", 1)
    row = int(row)
    task, progress, done, difficulty = values.split("|")
    if task:
        sheet.cell(row=row, column=1).value = int(task) if task.isdigit() else task
    if progress:
        sheet.cell(row=row, column=5).value = progress
    if done.startswith("date:"):
        sheet.cell(row=row, column=6).value = datetime.datetime.fromisoformat(done[5:])
    elif done:
        sheet.cell(row=row, column=6).value = done
    if difficulty:
        sheet.cell(row=row, column=7).value = difficulty
book.save(target)
