//! One measured run of a child process: wall time from spawn to exit, the exit status, its output,
//! and its peak resident set size from the kernel's rusage (wait4), so the number is the child's own
//! and not the largest of every child so far (what getrusage(RUSAGE_CHILDREN) would give).
//!
//! A run that outlives its timeout is killed (SIGKILL) by a watchdog thread. The child is first
//! waited for without being reaped (waitid with WNOWAIT), so its pid cannot be reused while the
//! watchdog may still signal it; only then is it reaped with wait4.
//!
//! waitid and kill are rustix's; wait4, which rustix calls without its rusage, is `crate::sys`'s.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, WaitId, WaitIdOptions};

/// What one run did.
pub struct Outcome {
    pub wall: Duration,
    /// Peak RSS in KiB (Linux reports ru_maxrss in KiB).
    pub max_rss_kb: u64,
    /// Exit code, or `None` if killed by a signal.
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Killed for running longer than the timeout.
    pub timed_out: bool,
}

impl Outcome {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }
}

fn drain(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn retry_eintr<T>(mut call: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    loop {
        match call() {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

/// Kills `pid` unless told (or dropped) before `timeout`; returns whether it killed.
fn watchdog(pid: Pid, timeout: Duration) -> (mpsc::Sender<()>, std::thread::JoinHandle<bool>) {
    let (tx, rx) = mpsc::channel::<()>();
    let handle = std::thread::spawn(move || {
        if matches!(
            rx.recv_timeout(timeout),
            Err(mpsc::RecvTimeoutError::Timeout)
        ) {
            // `pid` is our child and not reaped yet: `run` reaps it only after joining this
            // thread, so the pid cannot name another process.
            let _ = rustix::process::kill_process(pid, Signal::KILL);
            true
        } else {
            false
        }
    });
    (tx, handle)
}

/// Runs `cmd` to completion (or until `timeout`) with stdin closed and stdout/stderr captured.
pub fn run(cmd: &mut Command, timeout: Option<Duration>) -> std::io::Result<Outcome> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let out = drain(child.stdout.take().expect("piped stdout"));
    let err = drain(child.stderr.take().expect("piped stderr"));
    let pid = Pid::from_raw(child.id() as i32).expect("a child's pid is positive");
    let dog = timeout.map(|t| watchdog(pid, t));
    // `pid` is our own child (the `Child` handle is never waited on). WNOWAIT leaves the child
    // unreaped.
    let r = retry_eintr(|| {
        Ok(rustix::process::waitid(
            WaitId::Pid(pid),
            WaitIdOptions::EXITED | WaitIdOptions::NOWAIT,
        )?)
    });
    let wall = start.elapsed();
    let timed_out = match dog {
        Some((tx, handle)) => {
            drop(tx);
            handle.join().unwrap_or(false)
        }
        None => false,
    };
    r?;
    // This reaps the child, after the watchdog is gone.
    let (status, usage) = retry_eintr(|| crate::sys::wait4(pid.as_raw_pid()))?;
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    let (code, signal) = if libc::WIFEXITED(status) {
        (Some(libc::WEXITSTATUS(status)), None)
    } else if libc::WIFSIGNALED(status) {
        (None, Some(libc::WTERMSIG(status)))
    } else {
        (None, None)
    };
    Ok(Outcome {
        wall,
        max_rss_kb: usage.ru_maxrss.max(0) as u64,
        code,
        signal,
        stdout,
        stderr,
        timed_out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_status_output_and_rss() {
        let o = run(
            Command::new("sh").args(["-c", "echo out; echo err >&2; exit 3"]),
            Some(Duration::from_secs(60)),
        )
        .unwrap();
        assert!(!o.timed_out);
        assert_eq!(o.code, Some(3));
        assert_eq!(o.stdout, b"out\n");
        assert_eq!(o.stderr, b"err\n");
        assert!(o.max_rss_kb > 0);
        let k = run(Command::new("sh").args(["-c", "kill -9 $$"]), None).unwrap();
        assert_eq!((k.code, k.signal), (None, Some(9)));
        assert!(!k.success() && !k.timed_out);
    }

    #[test]
    fn a_run_past_its_timeout_is_killed() {
        let o = run(
            Command::new("sh").args(["-c", "exec sleep 60"]),
            Some(Duration::from_millis(100)),
        )
        .unwrap();
        assert!(o.timed_out);
        assert_eq!(o.signal, Some(libc::SIGKILL));
    }
}
