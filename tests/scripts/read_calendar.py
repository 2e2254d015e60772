"""Reads an .ics with python's icalendar (another program than the one that wrote it) and
prints one line an event (each checked to last its one day): UID, DTSTART, whether it has a 3-day reminder, its categories,
its summary — tab-separated, sorted by UID."""
import datetime
import sys

import icalendar

with open(sys.argv[1], "rb") as handle:
    calendar = icalendar.Calendar.from_ical(handle.read())
lines = []
for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART")
    assert isinstance(start, datetime.date) and not isinstance(start, datetime.datetime), start
    # A one-day event ends the day after it starts (RFC 5545: DTEND is exclusive).
    end = event.decoded("DTEND")
    assert end == start + datetime.timedelta(days=1), (start, end)
    alarms = [a for a in event.subcomponents if a.name == "VALARM"]
    three_days = any(a.decoded("TRIGGER") == -datetime.timedelta(days=3) for a in alarms)
    categories = event.get("CATEGORIES")
    words = ",".join(str(c) for c in categories.cats) if categories is not None else ""
    lines.append("\t".join([str(event["UID"]), start.isoformat(), str(three_days), words,
                            str(event["SUMMARY"])]))
for line in sorted(lines):
    print(line)
