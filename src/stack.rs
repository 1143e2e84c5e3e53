//! Deep recursion without a thread per call: the parser and compiler recurse once per nesting
//! level and need more stack than a default thread has. They used to spawn a thread with a big
//! stack for every parse and compile — every import of a module compiled from source (the frozen
//! Python modules at every start-up) — and each short-lived thread left its allocator pages behind
//! (mimalloc abandons a dead thread's partly used pages: ~10 MB of `import random`'s 23 MB peak).
//! A thread that was spawned with a big stack records where its stack ends; work that needs
//! `size` bytes runs in place when that much is left, and on a new thread otherwise.

use std::cell::Cell;

thread_local! {
    /// Lowest usable stack address of this thread (0: unknown, a thread not started here).
    static LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// Kept free below any work run in place (signal frames, the runtime's own calls).
const MARGIN: usize = 4 << 20;

/// An address in the caller's stack frame (close to the stack pointer).
#[inline(never)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Records that the current thread was spawned with `size` bytes of stack; call it first thing
/// on that thread. The frames above the caller are counted against the size (conservatively:
/// up to MARGIN of them).
pub fn note_thread_stack(size: usize) {
    let sp = stack_pointer();
    LIMIT.with(|l| l.set(sp.saturating_sub(size.saturating_sub(MARGIN))));
}

/// Bytes of stack left below the caller on this thread (0 when unknown).
pub fn remaining() -> usize {
    let limit = LIMIT.with(|l| l.get());
    if limit == 0 {
        return 0;
    }
    stack_pointer().saturating_sub(limit)
}

/// Runs `f` with at least `size` bytes of stack: here if the current thread has that much left
/// (plus a margin), else on a new thread spawned with `size` bytes (named `name`).
pub fn with_stack<T: Send>(size: usize, name: &str, f: impl FnOnce() -> T + Send) -> T {
    if remaining() >= size + MARGIN {
        return f();
    }
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name(name.to_string())
            .stack_size(size)
            .spawn_scoped(s, || {
                note_thread_stack(size);
                f()
            })
            .unwrap_or_else(|e| panic!("spawning the {name} thread: {e}"))
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_in_place_only_with_room() {
        // The test thread was not started by with_stack: its size is unknown, so work moves.
        let here = std::thread::current().id();
        let moved = with_stack(64 << 20, "t", || std::thread::current().id());
        assert_ne!(here, moved);
        // A thread with a 64 MiB stack runs 16 MiB work in place, and 64 MiB work elsewhere.
        with_stack(64 << 20, "outer", || {
            let outer = std::thread::current().id();
            assert!(remaining() > 40 << 20, "{}", remaining());
            assert_eq!(
                with_stack(16 << 20, "inner", || std::thread::current().id()),
                outer
            );
            assert_ne!(
                with_stack(64 << 20, "inner", || std::thread::current().id()),
                outer
            );
        });
    }
}
