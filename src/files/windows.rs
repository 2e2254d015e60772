//! What the app asks of Windows itself (Win32 through `windows-sys`), where the portable
//! standard library has no answer: whether a process still runs, and a rename that is on
//! the disk when it returns. Compiled on Windows only.

use std::ffi::OsStr;
use std::io;
use std::os::windows::ffi::OsStrExt as _;
use std::path::Path;

use windows_sys::Win32::Foundation::{
    CloseHandle, ERROR_ACCESS_DENIED, GetLastError, STILL_ACTIVE,
};
use windows_sys::Win32::Storage::FileSystem::{
    MOVEFILE_REPLACE_EXISTING, MOVEFILE_WRITE_THROUGH, MoveFileExW,
};
use windows_sys::Win32::System::Threading::{
    GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
};

/// Whether a process with this id runs now. One that exists but is not ours to query (another
/// user's, a service) answers "access denied": it runs. One that has ended but whose handle
/// someone still holds is found with an exit code other than STILL_ACTIVE: it does not.
pub fn process_runs(pid: u32) -> bool {
    // SAFETY: OpenProcess takes plain values and returns a handle or null.
    let process = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
    if process.is_null() {
        // SAFETY: reads this thread's last error, set by the failed call just above.
        return unsafe { GetLastError() } == ERROR_ACCESS_DENIED;
    }
    let mut code = 0u32;
    // SAFETY: `process` is a valid handle opened above, `code` a valid place to write to.
    let known = unsafe { GetExitCodeProcess(process, &mut code) } != 0;
    // SAFETY: closes the handle opened above, once.
    unsafe { CloseHandle(process) };
    known && code == STILL_ACTIVE as u32
}

/// Replaces `to` with `from`. `MOVEFILE_WRITE_THROUGH` returns only once the rename is on
/// the disk: Windows cannot flush a folder the way Unix syncs one after a rename, and this
/// is its way of making the new name durable.
pub fn replace_file(from: &Path, to: &Path) -> io::Result<()> {
    let (from, to) = (wide_verbatim(from)?, wide_verbatim(to)?);
    // SAFETY: both are NUL-terminated UTF-16 strings that outlive the call.
    let moved = unsafe {
        MoveFileExW(from.as_ptr(), to.as_ptr(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)
    };
    if moved == 0 { Err(io::Error::last_os_error()) } else { Ok(()) }
}

/// The path as a NUL-terminated wide string in the `\\?\` form, which lifts the 260-letter
/// limit (the standard library does the same for its own calls): `\\?\C:\…` for a drive,
/// `\\?\UNC\server\share\…` for a network share.
fn wide_verbatim(path: &Path) -> io::Result<Vec<u16>> {
    let absolute = std::path::absolute(path)?;
    let text = absolute.as_os_str();
    let wide: Vec<u16> = text.encode_wide().collect();
    let starts =
        |prefix: &str| wide.starts_with(&OsStr::new(prefix).encode_wide().collect::<Vec<_>>());
    let mut out: Vec<u16> = if starts(r"\\?\") || starts(r"\\.\") {
        wide.clone()
    } else if starts(r"\\") {
        OsStr::new(r"\\?\UNC\").encode_wide().chain(wide[2..].iter().copied()).collect()
    } else {
        OsStr::new(r"\\?\").encode_wide().chain(wide.iter().copied()).collect()
    };
    out.push(0);
    Ok(out)
}
