//! Work done on a worker thread while the window keeps drawing: opening a large file,
//! saving, writing the recovery copy, making a report. A [`Job`] is the window's end of it:
//! polled once a frame, it hands over the worker's outcome when there is one.

use std::sync::{Arc, Condvar, Mutex, mpsc};

pub mod export;
pub mod open;

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

/// A test's hold on workers: a worker started with [`Job::start_held`] waits at its start
/// while the hold is on, so a test can act while the work is in flight and know it is,
/// whatever the machine's speed. The app's own workers never wait: it holds none.
#[derive(Clone, Debug, Default)]
pub struct Hold(Arc<(Mutex<bool>, Condvar)>);

impl Hold {
    /// A hold that keeps its workers waiting until [`Hold::release`].
    pub fn on() -> Hold {
        Hold(Arc::new((Mutex::new(true), Condvar::new())))
    }

    /// Lets every worker waiting on this hold, and every later one, go on.
    pub fn release(&self) {
        let (held, changed) = &*self.0;
        *held.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = false;
        changed.notify_all();
    }

    fn wait(&self) {
        let (held, changed) = &*self.0;
        let mut on = held.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        while *on {
            on = changed.wait(on).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }
}

impl<T: Send + 'static> Job<T> {
    /// As [`Job::start`], the work waiting first while `hold` (a test's) is on.
    pub fn start_held(hold: Option<&Hold>, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let hold = hold.cloned();
        Job::start(move || {
            if let Some(hold) = hold {
                hold.wait();
            }
            work()
        })
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
    fn a_held_job_runs_once_released() {
        let hold = Hold::on();
        let job = Job::start_held(Some(&hold), || 7);
        // However long the test waits here, a held worker has not run.
        std::thread::yield_now();
        assert_eq!(job.poll(), Polled::Running);
        hold.release();
        assert_eq!(job.wait(), Some(7));
        let later = Job::start_held(Some(&hold), || 8);
        assert_eq!(later.wait(), Some(8), "a released hold holds nothing");
    }

    #[test]
    fn a_worker_that_panics_is_reported_as_vanished() {
        let job: Job<u8> = Job::start(|| panic!("a bug in the worker"));
        let started = std::time::Instant::now();
        let outcome = loop {
            match job.poll() {
                Polled::Running => {
                    assert!(started.elapsed().as_secs() < 60, "the worker never ended");
                    std::thread::sleep(std::time::Duration::from_millis(2))
                }
                other => break other,
            }
        };
        assert_eq!(outcome, Polled::Vanished);
    }
}
