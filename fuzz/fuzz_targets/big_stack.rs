//! Runs each input on one long-lived thread with the compiler's big stack (256 MiB, as
//! `cpjit::compile::with_big_stack` gives cpjit's compiler passes, which recurse on the syntax
//! tree), instead of spawning such a thread per input. (`parse_module` still runs the parser on a
//! big-stack thread of its own, as in cpjit.) A panic on that thread aborts the process through
//! libfuzzer-sys's panic hook, so libFuzzer records it as a crash.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send>;

struct Worker {
    jobs: Sender<Job>,
    done: Receiver<()>,
}

static WORKER: OnceLock<Mutex<Worker>> = OnceLock::new();

fn worker() -> &'static Mutex<Worker> {
    WORKER.get_or_init(|| {
        let (jobs, rx) = channel::<Job>();
        let (done_tx, done) = channel();
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || {
                for job in rx {
                    job();
                    let _ = done_tx.send(());
                }
            })
            .expect("spawning the fuzz worker thread");
        Mutex::new(Worker { jobs, done })
    })
}

/// Runs `f(data)` on the big-stack thread and waits for it.
pub fn run(data: &[u8], f: fn(&[u8])) {
    let data = data.to_vec();
    let w = worker().lock().unwrap();
    w.jobs.send(Box::new(move || f(&data))).unwrap();
    w.done.recv().expect("the fuzz worker thread died");
}
