//! Per-document time limits and panic isolation.
//!
//! Parsing a page and analysing a document run on a pool of worker
//! threads. Each worker marks when it starts a job; the calling thread,
//! while it waits for the results, looks at those marks. A job past its
//! deadline is given up: its result is recorded as [`Outcome::TimedOut`]
//! (the caller reports the document in one line and goes on), its worker
//! is marked abandoned and a fresh worker takes its place, so the batch
//! keeps its full speed. The abandoned thread cannot be stopped from
//! outside (Rust threads cannot be killed safely); it finishes its
//! document, throws the result away and ends. Its CPU time is the price,
//! bounded because every input is already capped in size and every stage
//! is linear in it; if more than [`Pool::max_abandoned`] such threads are
//! alive at once, the run stops with an error rather than pile up more.
//!
//! This bounds the time a run waits for any document without killing the
//! process, and it needs nothing from the stages: they stay plain
//! functions. A panic inside a job is caught and reported the same way.
//!
//! A worker leaves each result in its slot and wakes the calling thread
//! only when it finds no job waiting, not after every job: a wake-up is a
//! system call and a context switch on both sides, and one a document
//! cost a few percent of a one-thread run. A result left in a slot is never
//! stranded: the calling thread also empties the slots at every tick, and
//! takes the finished results of a worker it gives up.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use anyhow::{bail, Result};

/// What became of one job.
#[derive(Debug)]
pub enum Outcome<R> {
    Done(R),
    /// The job panicked; the panic's message.
    Panicked(String),
    /// The job ran past the time limit and was given up.
    TimedOut,
}

/// The name of worker threads: the panic hook stays quiet for them (the
/// caller reports each panic with the document it happened on).
pub const WORKER_THREAD: &str = "crosscheck-worker";

type Work<T, R> = Arc<dyn Fn(T) -> R + Send + Sync>;
type Queue<T> = Arc<Mutex<Receiver<(usize, T)>>>;

/// What a worker is doing, shared with the pool.
struct Slot<R> {
    /// The job running and when it started.
    job: Option<(usize, Instant)>,
    /// Given up: the worker ends after its job without reporting.
    abandoned: bool,
    /// Finished jobs the pool has not collected yet.
    done: Vec<(usize, Outcome<R>)>,
}

impl<R> Default for Slot<R> {
    fn default() -> Slot<R> {
        Slot {
            job: None,
            abandoned: false,
            done: Vec::new(),
        }
    }
}

/// Worker threads running one kind of job under a time limit.
pub struct Pool<T, R> {
    work: Work<T, R>,
    jobs: Sender<(usize, T)>,
    queue: Queue<T>,
    /// Workers wake the pool through it when results wait in their slots.
    wake_tx: Sender<()>,
    wake: Receiver<()>,
    /// Slots of the workers not abandoned.
    live: Vec<Arc<Mutex<Slot<R>>>>,
    abandoned_alive: Arc<AtomicUsize>,
    size: usize,
    limit: Duration,
    next_seq: usize,
}

fn lock<R>(slot: &Mutex<Slot<R>>) -> MutexGuard<'_, Slot<R>> {
    slot.lock().unwrap_or_else(|e| e.into_inner())
}

impl<T: Send + 'static, R: Send + 'static> Pool<T, R> {
    /// `size` workers running `work`, each job given at most `limit`.
    pub fn new(
        size: usize,
        limit: Duration,
        work: impl Fn(T) -> R + Send + Sync + 'static,
    ) -> Pool<T, R> {
        let (jobs, queue) = channel();
        let (wake_tx, wake) = channel();
        let mut pool = Pool {
            work: Arc::new(work),
            jobs,
            queue: Arc::new(Mutex::new(queue)),
            wake_tx,
            wake,
            live: Vec::new(),
            abandoned_alive: Arc::new(AtomicUsize::new(0)),
            size: size.max(1),
            limit,
            next_seq: 0,
        };
        for _ in 0..pool.size {
            pool.spawn();
        }
        pool
    }

    /// Given-up workers allowed to be still running before the run stops.
    pub fn max_abandoned(&self) -> usize {
        (2 * self.size).max(8)
    }

    fn spawn(&mut self) {
        let slot = Arc::new(Mutex::new(Slot::default()));
        let worker = Worker {
            slot: Arc::clone(&slot),
            work: Arc::clone(&self.work),
            queue: Arc::clone(&self.queue),
            wake: self.wake_tx.clone(),
            abandoned_alive: Arc::clone(&self.abandoned_alive),
        };
        let spawned = std::thread::Builder::new()
            .name(WORKER_THREAD.to_string())
            .spawn(move || worker.run());
        if spawned.is_ok() {
            self.live.push(slot);
        }
    }

    /// Runs the job on every item and returns the outcomes in item order.
    pub fn run(&mut self, items: Vec<T>) -> Result<Vec<Outcome<R>>> {
        let n = items.len();
        let base = self.next_seq;
        self.next_seq += n;
        for (i, item) in items.into_iter().enumerate() {
            if self.jobs.send((base + i, item)).is_err() {
                bail!("worker threads are gone");
            }
        }
        let mut outcomes: Vec<Option<Outcome<R>>> = (0..n).map(|_| None).collect();
        let mut left = n;
        let tick = (self.limit / 4).clamp(Duration::from_millis(5), Duration::from_millis(100));
        let mut stalled_since: Option<Instant> = None;
        // Keeps the first outcome of each job of this batch.
        let record = |outcomes: &mut Vec<Option<Outcome<R>>>,
                      left: &mut usize,
                      seq: usize,
                      outcome: Outcome<R>| {
            if let Some(slot) = seq.checked_sub(base).and_then(|i| outcomes.get_mut(i)) {
                if slot.is_none() {
                    *slot = Some(outcome);
                    *left -= 1;
                }
            }
        };
        while left > 0 {
            match self.wake.recv_timeout(tick) {
                Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => bail!("worker threads are gone"),
            }
            for slot in &self.live {
                for (seq, outcome) in std::mem::take(&mut lock(slot).done) {
                    record(&mut outcomes, &mut left, seq, outcome);
                }
            }
            // A given-up worker's finished jobs count; its late one times out.
            for (seq, finished) in self.give_up_late_jobs() {
                for (done_seq, outcome) in finished {
                    record(&mut outcomes, &mut left, done_seq, outcome);
                }
                record(&mut outcomes, &mut left, seq, Outcome::TimedOut);
            }
            self.replace_workers();
            if self.live.is_empty() && left > 0 {
                let since = *stalled_since.get_or_insert_with(Instant::now);
                if since.elapsed() > self.limit {
                    bail!(
                        "{} documents in a row ran past the {}-second limit and are still running; stopping",
                        self.abandoned_alive.load(Ordering::SeqCst),
                        self.limit.as_secs_f64()
                    );
                }
            } else {
                stalled_since = None;
            }
        }
        Ok(outcomes
            .into_iter()
            .map(|o| o.unwrap_or(Outcome::TimedOut))
            .collect())
    }

    /// Marks workers past the deadline as abandoned; their late jobs'
    /// numbers, each with the results the worker had finished before it.
    #[allow(clippy::type_complexity)]
    fn give_up_late_jobs(&mut self) -> Vec<(usize, Vec<(usize, Outcome<R>)>)> {
        let now = Instant::now();
        let mut late = Vec::new();
        self.live.retain(|slot| {
            let mut s = lock(slot);
            match s.job {
                Some((seq, started)) if now.duration_since(started) > self.limit => {
                    s.abandoned = true;
                    s.job = None;
                    self.abandoned_alive.fetch_add(1, Ordering::SeqCst);
                    late.push((seq, std::mem::take(&mut s.done)));
                    false
                }
                _ => true,
            }
        });
        late
    }

    /// Tops the pool up to its size while few given-up threads are alive.
    fn replace_workers(&mut self) {
        while self.live.len() < self.size
            && self.abandoned_alive.load(Ordering::SeqCst) < self.max_abandoned()
        {
            let before = self.live.len();
            self.spawn();
            if self.live.len() == before {
                break;
            }
        }
    }
}

struct Worker<T, R> {
    slot: Arc<Mutex<Slot<R>>>,
    work: Work<T, R>,
    queue: Queue<T>,
    wake: Sender<()>,
    abandoned_alive: Arc<AtomicUsize>,
}

impl<T, R> Worker<T, R> {
    fn run(self) {
        let mut next: Option<(usize, T)> = None;
        loop {
            let job = match next.take() {
                Some(job) => Ok(job),
                None => {
                    let queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
                    queue.recv()
                }
            };
            // The pool is gone: no more jobs.
            let Ok((seq, item)) = job else { return };
            lock(&self.slot).job = Some((seq, Instant::now()));
            let result = catch_unwind(AssertUnwindSafe(|| (self.work)(item)));
            let outcome = match result {
                Ok(r) => Outcome::Done(r),
                Err(payload) => Outcome::Panicked(panic_message(payload.as_ref())),
            };
            {
                let mut s = lock(&self.slot);
                s.job = None;
                if s.abandoned {
                    drop(s);
                    self.abandoned_alive.fetch_sub(1, Ordering::SeqCst);
                    return;
                }
                s.done.push((seq, outcome));
            }
            // The next job if one waits; a queue another worker is waiting
            // on is empty.
            next = match self.queue.try_lock() {
                Ok(queue) => queue.try_recv().ok(),
                Err(TryLockError::Poisoned(e)) => e.into_inner().try_recv().ok(),
                Err(TryLockError::WouldBlock) => None,
            };
            if next.is_none() && self.wake.send(()).is_err() {
                return;
            }
        }
    }
}

/// The text a panic was raised with.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_come_back_in_order() {
        let mut pool = Pool::new(3, Duration::from_secs(30), |n: u64| n * 2);
        let outcomes = pool.run((0..100).collect()).unwrap_or_default();
        let values: Vec<u64> = outcomes
            .into_iter()
            .map(|o| match o {
                Outcome::Done(v) => v,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(values, (0..100).map(|n| n * 2).collect::<Vec<_>>());
        // The pool is reused across batches.
        assert_eq!(pool.run(vec![7]).map(|o| o.len()).unwrap_or(0), 1);
    }

    #[test]
    fn a_panic_costs_one_job() {
        let mut pool = Pool::new(2, Duration::from_secs(30), |n: u32| {
            assert!(n != 3, "bad item {n}");
            n
        });
        let outcomes = pool.run((0..6).collect()).unwrap_or_default();
        assert!(matches!(&outcomes[3], Outcome::Panicked(m) if m.contains("bad item 3")));
        assert_eq!(
            outcomes
                .iter()
                .filter(|o| matches!(o, Outcome::Done(_)))
                .count(),
            5
        );
    }

    #[test]
    fn a_job_past_its_deadline_is_given_up_and_the_batch_goes_on() {
        // Job 1 never ends by itself within the test (it would take an
        // hour); the limit is 200 ms.
        let mut pool = Pool::new(2, Duration::from_millis(200), |n: u32| {
            if n == 1 {
                std::thread::sleep(Duration::from_secs(3600));
            }
            n
        });
        let started = Instant::now();
        let outcomes = pool.run((0..20).collect()).unwrap_or_default();
        assert!(matches!(outcomes[1], Outcome::TimedOut));
        assert_eq!(
            outcomes
                .iter()
                .filter(|o| matches!(o, Outcome::Done(_)))
                .count(),
            19
        );
        // A hang guard, not a speed target: far below the hour.
        assert!(started.elapsed() < Duration::from_secs(60));
        // A replacement worker keeps the pool at full size.
        assert_eq!(pool.live.len(), 2);
        assert_eq!(
            pool.run((100..110).collect()).map(|o| o.len()).unwrap_or(0),
            10
        );
    }

    #[test]
    fn a_given_up_worker_still_hands_over_the_jobs_it_finished() {
        // One worker finishes jobs 0 and 1, keeping their results in its
        // slot while more jobs wait, then hangs on job 2: those results
        // must not stay with it.
        let mut pool = Pool::new(1, Duration::from_millis(200), |n: u32| {
            if n == 2 {
                std::thread::sleep(Duration::from_secs(3600));
            }
            n
        });
        let started = Instant::now();
        let outcomes = pool.run((0..8).collect()).unwrap_or_default();
        let done: Vec<u32> = outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Done(n) => Some(*n),
                _ => None,
            })
            .collect();
        assert_eq!(done, vec![0, 1, 3, 4, 5, 6, 7]);
        assert!(matches!(outcomes[2], Outcome::TimedOut));
        // A hang guard, not a speed target.
        assert!(started.elapsed() < Duration::from_secs(60));
    }

    #[test]
    fn too_many_stuck_jobs_stop_the_run() {
        let mut pool = Pool::new(1, Duration::from_millis(50), |_: u32| {
            std::thread::sleep(Duration::from_secs(3600));
        });
        let cap = pool.max_abandoned();
        let result = pool.run((0..(cap as u32 + 2)).collect());
        assert!(result.is_err_and(|e| e.to_string().contains("still running")));
    }
}
