//! `resource`: process resource usage and limits (getrusage(2) through nix, getrlimit(2),
//! setrlimit(2) and prlimit(2) through rustix), with CPython's checks and messages
//! (`resource.c`). `prlimit(pid, resource)` of another process reads its limits from
//! /proc/PID/limits (the kernel's own listing, in resource order): rustix's prlimit always sets.

use rustix::process::{Resource, Rlimit};

use crate::vm::interp::{PyResult, Vm};
use crate::vm::runtime::num::index_c;
use crate::vm::types::nargs;
use crate::vm::value::Value;

use super::posix::os_error;

const RESOURCE_SRC: &str = r#"
from _cpjit_structseq import structseq
struct_rusage = structseq('resource', 'struct_rusage', (
    'ru_utime', 'ru_stime', 'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss', 'ru_minflt',
    'ru_majflt', 'ru_nswap', 'ru_inblock', 'ru_oublock', 'ru_msgsnd', 'ru_msgrcv',
    'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw'))
del structseq
error = OSError
"#;

/// The limits in the kernel's order (`RLIMIT_CPU` is 0): the index is the resource number.
const RESOURCES: [(&str, Resource); 16] = [
    ("RLIMIT_CPU", Resource::Cpu),
    ("RLIMIT_FSIZE", Resource::Fsize),
    ("RLIMIT_DATA", Resource::Data),
    ("RLIMIT_STACK", Resource::Stack),
    ("RLIMIT_CORE", Resource::Core),
    ("RLIMIT_RSS", Resource::Rss),
    ("RLIMIT_NPROC", Resource::Nproc),
    ("RLIMIT_NOFILE", Resource::Nofile),
    ("RLIMIT_MEMLOCK", Resource::Memlock),
    ("RLIMIT_AS", Resource::As),
    ("RLIMIT_LOCKS", Resource::Locks),
    ("RLIMIT_SIGPENDING", Resource::Sigpending),
    ("RLIMIT_MSGQUEUE", Resource::Msgqueue),
    ("RLIMIT_NICE", Resource::Nice),
    ("RLIMIT_RTPRIO", Resource::Rtprio),
    ("RLIMIT_RTTIME", Resource::Rttime),
];

pub fn create(vm: &mut Vm) -> PyResult {
    let m = super::native_with_python(
        vm,
        "resource",
        &[
            ("getrusage", getrusage),
            ("getrlimit", getrlimit),
            ("setrlimit", setrlimit),
            ("prlimit", prlimit),
            ("getpagesize", getpagesize),
        ],
        RESOURCE_SRC,
    )?;
    vm.roots.push(m);
    // (CPython 3.11 does not export RLIMIT_LOCKS.)
    let mut consts: Vec<(&str, i64)> = RESOURCES
        .iter()
        .enumerate()
        .filter(|&(_, &(n, _))| n != "RLIMIT_LOCKS")
        .map(|(i, &(n, _))| (n, i as i64))
        .collect();
    // RLIMIT_OFILE is the BSD name of RLIMIT_NOFILE.
    consts.extend([
        ("RLIMIT_OFILE", 7),
        ("RLIM_INFINITY", -1),
        ("RUSAGE_SELF", 0),
        ("RUSAGE_CHILDREN", -1),
        ("RUSAGE_THREAD", 1),
    ]);
    for (name, v) in consts {
        let i = vm.new_int(v);
        super::set_attr(vm, m, name, i);
    }
    vm.roots.pop();
    Ok(m)
}

/// A C `int` argument (`"i"` format): TypeError for a non-integer, OverflowError past the range.
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    index_c(vm, v, "int", |n| i32::try_from(n).is_ok())
}

fn resource_arg(vm: &mut Vm, v: Value) -> PyResult<Resource> {
    let n = int_arg(vm, v)?;
    match usize::try_from(n).ok().and_then(|i| RESOURCES.get(i)) {
        Some(&(_, r)) => Ok(r),
        None => Err(vm.value_error("invalid resource specified")),
    }
}

fn limit_value(vm: &mut Vm, v: Option<u64>) -> Value {
    match v {
        None => vm.new_int(-1),
        Some(n) => match i64::try_from(n) {
            Ok(n) => vm.new_int(n),
            Err(_) => vm.new_bigint(num_bigint::BigInt::from(n)),
        },
    }
}

fn limits_tuple(vm: &mut Vm, l: Rlimit) -> Value {
    let soft = limit_value(vm, l.current);
    vm.roots.push(soft);
    let hard = limit_value(vm, l.maximum);
    vm.roots.pop();
    vm.new_tuple(vec![soft, hard])
}

/// A `(soft, hard)` pair as `py2rlimit` takes it: any iterable of two integers, each a C long,
/// -1 (RLIM_INFINITY) meaning no limit and other negative values wrapping as `rlim_t` does.
fn limits_arg(vm: &mut Vm, v: Value) -> PyResult<Rlimit> {
    let items = crate::vm::runtime::iter::collect(vm, v)?;
    if items.len() != 2 {
        return Err(vm.value_error("expected a tuple of 2 integers"));
    }
    let mut out = [None; 2];
    for (i, &x) in items.iter().enumerate() {
        let n = index_c(vm, x, "long", |_| true)?;
        out[i] = if n == -1 { None } else { Some(n as u64) };
    }
    Ok(Rlimit {
        current: out[0],
        maximum: out[1],
    })
}

/// setrlimit's errors as CPython words them.
fn set_error(vm: &mut Vm, e: rustix::io::Errno) -> Value {
    match e {
        rustix::io::Errno::INVAL => vm.value_error("current limit exceeds maximum limit"),
        rustix::io::Errno::PERM => vm.value_error("not allowed to raise maximum limit"),
        e => os_error(vm, std::io::Error::from(e), None, None),
    }
}

fn getrusage(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    use nix::sys::resource::UsageWho;
    nargs(vm, "resource.getrusage", a, k, 0, 1, 1)?;
    let who = match int_arg(vm, a[0])? {
        0 => UsageWho::RUSAGE_SELF,
        -1 => UsageWho::RUSAGE_CHILDREN,
        1 => UsageWho::RUSAGE_THREAD,
        _ => return Err(vm.value_error("invalid who parameter")),
    };
    let u = nix::sys::resource::getrusage(who)
        .map_err(|e| os_error(vm, std::io::Error::from(e), None, None))?;
    let secs = |t: nix::sys::time::TimeVal| t.tv_sec() as f64 + t.tv_usec() as f64 * 1e-6;
    let ints = [
        u.max_rss(),
        u.shared_integral(),
        u.unshared_data_integral(),
        u.unshared_stack_integral(),
        u.minor_page_faults(),
        u.major_page_faults(),
        u.full_swaps(),
        u.block_reads(),
        u.block_writes(),
        u.ipc_sends(),
        u.ipc_receives(),
        u.signals(),
        u.voluntary_context_switches(),
        u.involuntary_context_switches(),
    ];
    let mut items = vec![
        Value::from_f64(secs(u.user_time())),
        Value::from_f64(secs(u.system_time())),
    ];
    for n in ints {
        items.push(vm.new_int(n as i64));
    }
    super::struct_seq(vm, "resource", "struct_rusage", items)
}

fn getrlimit(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "resource.getrlimit", a, k, 0, 1, 1)?;
    let r = resource_arg(vm, a[0])?;
    let l = rustix::process::getrlimit(r);
    Ok(limits_tuple(vm, l))
}

fn setrlimit(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "resource.setrlimit", a, k, 0, 2, 2)?;
    let r = resource_arg(vm, a[0])?;
    let l = limits_arg(vm, a[1])?;
    rustix::process::setrlimit(r, l).map_err(|e| set_error(vm, e))?;
    Ok(vm.none)
}

fn prlimit(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    if !k.is_empty() {
        return Err(vm.type_error("prlimit() takes no keyword arguments"));
    }
    if !(2..=3).contains(&a.len()) {
        return Err(vm.type_error("resource.prlimit requires 2 to 3 arguments"));
    }
    let pid = int_arg(vm, a[0])? as i32;
    let r = resource_arg(vm, a[1])?;
    let own = pid == 0 || pid as u32 == std::process::id();
    let Some(&new) = a.get(2) else {
        if own {
            let l = rustix::process::getrlimit(r);
            return Ok(limits_tuple(vm, l));
        }
        let l = proc_limits(pid, r).map_err(|e| os_error(vm, e, None, None))?;
        return Ok(limits_tuple(vm, l));
    };
    let l = limits_arg(vm, new)?;
    let target = if own {
        None
    } else {
        match rustix::process::Pid::from_raw(pid) {
            Some(p) => Some(p),
            None => {
                let e = std::io::Error::from_raw_os_error(libc::ESRCH);
                return Err(os_error(vm, e, None, None));
            }
        }
    };
    let old = rustix::process::prlimit(target, r, l).map_err(|e| set_error(vm, e))?;
    Ok(limits_tuple(vm, old))
}

/// Another process's limit `r` from /proc/PID/limits (a header line, then one line per
/// resource in resource order: name, soft, hard, units; "unlimited" for no limit).
fn proc_limits(pid: i32, r: Resource) -> std::io::Result<Rlimit> {
    let esrch = || std::io::Error::from_raw_os_error(libc::ESRCH);
    if pid <= 0 {
        return Err(esrch());
    }
    let text = std::fs::read_to_string(format!("/proc/{pid}/limits")).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            esrch()
        } else {
            e
        }
    })?;
    let index = RESOURCES.iter().position(|&(_, x)| x == r).unwrap_or(0);
    let line = text.lines().nth(1 + index).unwrap_or("");
    // The name is padded to 26 columns, the soft and hard limits to 21.
    let field = |from: usize| {
        let s = line.get(from..).unwrap_or("").split_whitespace().next()?;
        if s == "unlimited" {
            Some(None)
        } else {
            s.parse::<u64>().ok().map(Some)
        }
    };
    match (field(26), field(47)) {
        (Some(current), Some(maximum)) => Ok(Rlimit { current, maximum }),
        _ => Err(std::io::Error::from_raw_os_error(libc::EINVAL)),
    }
}

fn getpagesize(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "resource.getpagesize", a, k, 0, 0, 0)?;
    // sysconf(3), as CPython's getpagesize() (rustix's page_size reads the auxiliary vector,
    // which valgrind does not support).
    let size = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE)
        .ok()
        .flatten()
        .unwrap_or(4096);
    Ok(vm.new_int(size as i64))
}
