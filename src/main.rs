// mimalloc: the VM's lists, dicts, generators and strings churn small Rust buffers; under glibc
// malloc, malloc/free/consolidate took ~15% of bm_nqueens' instructions (callgrind: 1.66 G -> 1.47 G
// instructions with mimalloc).
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: cpjit::vm::alloc::Malloc = cpjit::vm::alloc::Malloc;

fn main() {
    std::process::exit(cpjit::cli::main(std::env::args_os().collect()));
}
