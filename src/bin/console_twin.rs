//! The console twin: on Windows it is installed as `industry-desk.com` beside the GUI
//! `industry-desk.exe` (why two: see src/main.rs). A console-subsystem program, so cmd and
//! PowerShell wait for it. It runs the .exe beside it with the same arguments and the same
//! standard input, output and error (the console's handles, or the files and pipes they
//! were redirected to), and ends with the .exe's exit code.
//!
//! On Windows the .exe goes into a job object that is killed with the twin: Ctrl+C in the
//! console stops the twin (the GUI program has no console to get the signal from) and so
//! the export or merge it started, rather than leaving it running unseen.
//!
//! Elsewhere it hands over to `industry-desk` the same way (nothing installs it there).

use std::path::PathBuf;
use std::process::Command;

fn main() {
    let program = match program() {
        Some(program) => program,
        None => {
            eprintln!("industry-desk: cannot find the program beside this one");
            std::process::exit(1);
        }
    };
    let mut child = match Command::new(&program).args(std::env::args_os().skip(1)).spawn() {
        Ok(child) => child,
        Err(error) => {
            eprintln!("industry-desk: cannot start {}: {error}", program.display());
            std::process::exit(1);
        }
    };
    #[cfg(windows)]
    let _job = job::kill_with_this_process(&child);
    match child.wait() {
        Ok(status) => std::process::exit(status.code().unwrap_or(1)),
        Err(error) => {
            eprintln!("industry-desk: {}: {error}", program.display());
            std::process::exit(1);
        }
    }
}

/// The GUI program: `industry-desk.exe` (or `industry-desk` off Windows) in this program's
/// folder.
fn program() -> Option<PathBuf> {
    let this = std::env::current_exe().ok()?;
    let program = this.with_file_name(format!("industry-desk{}", std::env::consts::EXE_SUFFIX));
    (program != this && program.is_file()).then_some(program)
}

#[cfg(windows)]
mod job {
    use std::os::windows::io::AsRawHandle as _;

    use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectExtendedLimitInformation,
        SetInformationJobObject,
    };

    /// A job holding the child, closed (and the child with it) when this process ends.
    pub struct Job(HANDLE);

    impl Drop for Job {
        fn drop(&mut self) {
            // SAFETY: the handle was returned by CreateJobObjectW and is closed once.
            unsafe { CloseHandle(self.0) };
        }
    }

    /// Puts `child` in a kill-on-close job; `None` where the system refuses (the child
    /// then simply outlives a Ctrl+C, as it would without the job).
    pub fn kill_with_this_process(child: &std::process::Child) -> Option<Job> {
        // SAFETY: no security attributes, no name: a new anonymous job or null.
        let job = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
        if job.is_null() {
            return None;
        }
        let job = Job(job);
        let mut limits = JOBOBJECT_EXTENDED_LIMIT_INFORMATION::default();
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        // SAFETY: `limits` is the struct this information class takes, with its size.
        let set = unsafe {
            SetInformationJobObject(
                job.0,
                JobObjectExtendedLimitInformation,
                (&raw const limits).cast(),
                size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
            )
        };
        // SAFETY: both handles are valid for the call (the child's is owned by `child`).
        let assigned = set != 0
            && unsafe { AssignProcessToJobObject(job.0, child.as_raw_handle() as HANDLE) } != 0;
        assigned.then_some(job)
    }
}
