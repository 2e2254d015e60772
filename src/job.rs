//! Work done on a worker thread while the window keeps drawing: opening a large file,
//! saving, writing the recovery copy, making a report. A [`Job`] is the window's end of it:
//! polled once a frame, it hands over the worker's outcome when there is one.

use std::sync::mpsc;

/// A piece of work running on its own thread, with an outcome of type `T`.
#[derive(Debug)]
pub struct Job<T> {
    receiver: mpsc::Receiver<T>,
}

/// How a poll found the job.
#[derive(Debug, PartialEq)]
pub enum Polled<T> {
    /// Still at work.
    Running,
    /// Done, with this outcome.
    Done(T),
    /// The worker ended without an outcome (it panicked): a bug, for the caller to say
    /// plainly rather than wait on for ever.
    Vanished,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread.
    pub fn start(work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            // The window may have closed meanwhile; nobody is left to tell.
            let _ = sender.send(work());
        });
        Job { receiver }
    }
}

impl<T> Job<T> {
    /// The outcome once the worker is done; never blocks.
    pub fn poll(&self) -> Polled<T> {
        match self.receiver.try_recv() {
            Ok(outcome) => Polled::Done(outcome),
            Err(mpsc::TryRecvError::Empty) => Polled::Running,
            Err(mpsc::TryRecvError::Disconnected) => Polled::Vanished,
        }
    }

    /// Waits for the outcome (for the command line and tests; the window never blocks).
    pub fn wait(self) -> Option<T> {
        self.receiver.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_hands_over_its_outcome_once_done() {
        let (go, wait) = mpsc::channel::<()>();
        let job = Job::start(move || {
            wait.recv().unwrap();
            42
        });
        assert_eq!(job.poll(), Polled::Running);
        go.send(()).unwrap();
        assert_eq!(job.wait(), Some(42));
    }

    #[test]
    fn a_worker_that_panics_is_reported_as_vanished() {
        let job: Job<u8> = Job::start(|| panic!("a bug in the worker"));
        let outcome = loop {
            match job.poll() {
                Polled::Running => std::thread::sleep(std::time::Duration::from_millis(2)),
                other => break other,
            }
        };
        assert_eq!(outcome, Polled::Vanished);
    }
}
