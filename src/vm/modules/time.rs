//! The `time` module: perf_counter, time, sleep, monotonic, process_time.

use super::def;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::runtime::num;
use crate::vm::types::nargs;
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> Value {
    let m = vm.new_module("time");
    def(vm, m, "perf_counter", perf_counter);
    def(vm, m, "monotonic", perf_counter);
    def(vm, m, "process_time", process_time);
    def(vm, m, "time", time);
    def(vm, m, "sleep", sleep);
    def(vm, m, "perf_counter_ns", perf_counter_ns);
    def(vm, m, "time_ns", time_ns);
    m
}

fn epoch() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

fn perf_counter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "perf_counter", args, kw, 0, 0, 0)?;
    Ok(Value::from_f64(epoch().elapsed().as_secs_f64()))
}
fn perf_counter_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "perf_counter_ns", args, kw, 0, 0, 0)?;
    Ok(vm.new_int(epoch().elapsed().as_nanos() as i64))
}
fn process_time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    perf_counter(vm, args, kw)
}
fn time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time", args, kw, 0, 0, 0)?;
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::from_f64(d.as_secs_f64()))
}
fn time_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time_ns", args, kw, 0, 0, 0)?;
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(vm.new_bigint(num_bigint::BigInt::from(d.as_nanos())))
}
fn sleep(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sleep", args, kw, 0, 1, 1)?;
    let Some(s) = num::float_of(vm, args[0])? else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_stdout();
    if !vm.sandbox {
        std::thread::sleep(
            std::time::Duration::try_from_secs_f64(s).unwrap_or(std::time::Duration::MAX),
        );
    }
    Ok(vm.none)
}
