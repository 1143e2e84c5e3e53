//! The compiler's recursion stays within a main-thread stack (8 MiB) up to CPython's nesting limit,
//! and deeper input is a compile error, not a crash.

fn compile_on_stack(src: String, stack: usize) -> Result<(), String> {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            cpjit::compile::compile_source(src.as_bytes(), "deep.py", cpjit::compile::Mode::Exec)
                .map(|_| ())
                .map_err(|e| e.msg)
        })
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn deepest_accepted_expression_fits_a_main_thread_stack() {
    // 2993 terms is the longest `a+a+...` chain CPython 3.11 compiles.
    let src = format!("x = {}\n", vec!["a"; 2993].join("+"));
    assert_eq!(compile_on_stack(src, 8 << 20), Ok(()));
}

#[test]
fn deeper_expression_is_an_error() {
    let src = format!("x = {}\n", vec!["a"; 2994].join("+"));
    assert_eq!(
        compile_on_stack(src, 8 << 20),
        Err("maximum recursion depth exceeded during compilation".to_string())
    );
}
