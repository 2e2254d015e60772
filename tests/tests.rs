//! Integration tests, built into one binary (one `mod` a topic).

/// The harness constructor and fixtures every GUI test uses.
mod support;

/// The built-in dataset against every row of shared/DATASET.md.
mod dataset_facts;

/// Files on disk: round trips, and every kind of bad file through `check` and Open.
mod files;

/// The charts of the output, zones and overview tabs.
mod charts;

/// The directives checklist: add, edit, status, undo, filter, summary, meetings.
mod followup;

/// An afternoon in the checklist (issue 23): search, messages, new rows, the banner.
mod walk;

/// The window driven as a user would, through egui_kittest.
mod gui;

/// Image snapshots of every view.
mod snapshots;
mod structure;

/// Print and export: the report and each chart as PDF, SVG and PNG, read back.
mod paper;

/// The figures editor: add, edit, refuse, consistency help.
mod figures;

/// Excel: the workbook export read back.
mod exchange;

/// Correctness at size: a generated file's counts and filters.
mod scale;

/// The bad-file corpus through the loader and `check`.
mod corpus;

/// Saves killed at random moments leave a whole file.
mod crash;

/// Property tests: save/load round trip, edits and undos.
mod properties;

/// Exports of a hostile file stay text and go only where the user chose.
mod safe_exports;

/// Saving onto a full disk or into a read-only folder.
mod save_failures;

/// Never lose an edit: recovery copies on every path, one a window, saves off the window's
/// thread, damaged text refused.
mod recovery;

/// The real binary in a real window under Xvfb, driven by xdotool, killed with SIGKILL.
mod e2e;

/// The report in the administrative layout, as PDF and as Word, read back.
mod official;

/// Charts and tables onto the clipboard, in the window and through the system's.
mod clipboard;

/// Conclusion notices read into directives: the corpus scored, bad inputs, the dialog, the
/// command line.
mod intake;

/// Two copies of a file merged: three-way and two-way, conflicts, twins, faults.
mod merge;
mod packaging;

/// Chasing the units: letters, calendar, report sheets and their answers, through the binary.
mod chase;

/// The console twin (industry-desk.com on Windows) hands commands over unchanged.
mod console_twin;
