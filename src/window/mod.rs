//! The app's window: the eframe application (`app`) that owns the document and carries out
//! the menus' and keys' [`command`]s, the views and dialogs it draws (`ui`), the system's
//! file dialogs and viewer (`dialogs`), the clipboard, the window's icon, and the work done
//! on worker threads while it keeps drawing (`jobs`).

pub mod app;
pub mod clipboard;
pub mod command;
pub mod dialogs;
pub mod icon;
pub mod jobs;
pub mod ui;
