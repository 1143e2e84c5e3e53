//! `pwd` and `grp`: the user and group databases. Lookups by id and by name go through the C
//! library's name service (getpwuid_r(3) and friends, by way of nix), as CPython's do;
//! `getpwall()`/`getgrall()` read the local files (/etc/passwd, /etc/group), which is what
//! getpwent(3) enumerates on a system whose name service has only the `files` source (other
//! sources' entries are still found by id and name). The entry types are struct sequences
//! (`_cpjit_structseq`); argument checks and messages are CPython's (`pwdmodule.c`,
//! `grpmodule.c`, `_Py_Uid_Converter`).

use nix::unistd::{Gid, Group, Uid, User};

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::call::call;
use crate::vm::runtime::num::{index_value, IntVal};
use crate::vm::types::nargs;
use crate::vm::value::Value;

use super::posix::{fs_encode, fs_str, os_error};

const PWD_SRC: &str = r#"
from _cpjit_structseq import structseq
struct_passwd = structseq('pwd', 'struct_passwd', ('pw_name', 'pw_passwd', 'pw_uid', 'pw_gid',
                                                   'pw_gecos', 'pw_dir', 'pw_shell'))
del structseq
"#;

const GRP_SRC: &str = r#"
from _cpjit_structseq import structseq
struct_group = structseq('grp', 'struct_group', ('gr_name', 'gr_passwd', 'gr_gid', 'gr_mem'))
del structseq
"#;

pub fn create_pwd(vm: &mut Vm) -> PyResult {
    let m = super::native_with_python(
        vm,
        "pwd",
        &[
            ("getpwuid", getpwuid),
            ("getpwnam", getpwnam),
            ("getpwall", getpwall),
        ],
        PWD_SRC,
    )?;
    let doc = vm.new_str(
        "This module provides access to the Unix password database.\n\
         It is available on all Unix versions.\n\
         \n\
         Password database entries are reported as 7-tuples containing the following\n\
         items from the password database (see `<pwd.h>'), in order:\n\
         pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\n\
         The uid and gid items are integers, all others are strings. An\n\
         exception is raised if the entry asked for cannot be found.",
    );
    super::set_attr(vm, m, "__doc__", doc);
    Ok(m)
}

pub fn create_grp(vm: &mut Vm) -> PyResult {
    let m = super::native_with_python(
        vm,
        "grp",
        &[
            ("getgrgid", getgrgid),
            ("getgrnam", getgrnam),
            ("getgrall", getgrall),
        ],
        GRP_SRC,
    )?;
    let doc = vm.new_str("Access to the Unix group database.");
    super::set_attr(vm, m, "__doc__", doc);
    Ok(m)
}

/// A user or group id as `_Py_Uid_Converter` takes it: an int (or `__index__`), -1 meaning
/// `(uid_t)-1`. `Ok(None)`: out of range (CPython's converter overflowed).
fn id_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<u32>> {
    let Some(i) = index_value(vm, v)? else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("{what} should be integer, not {tn}")));
    };
    Ok(match i {
        IntVal::Small(-1) => Some(u32::MAX),
        IntVal::Small(n) => u32::try_from(n).ok(),
        IntVal::Big(_) => None,
    })
}

/// The id as CPython's `_PyLong_FromUid` shows it: `(uid_t)-1` as -1.
fn id_shown(id: u32) -> i64 {
    if id == u32::MAX {
        -1
    } else {
        id as i64
    }
}

/// A name argument: a str without NUL, encoded as the file system encoding does.
fn name_arg(vm: &mut Vm, v: Value, func: &str, param: &str) -> PyResult<Vec<u8>> {
    let Some(s) = as_str(v) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("{func}() argument {param}must be str, not {tn}")));
    };
    let b = fs_encode(vm, &s.s)?;
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

fn key_error(vm: &mut Vm, msg: String) -> Value {
    let m = vm.new_str_owned(msg);
    let cls = vm.t.exc("KeyError");
    match call(vm, Value::from_ptr(cls), &[m], &[]) {
        Ok(e) | Err(e) => e,
    }
}

fn passwd_entry(vm: &mut Vm, u: &User) -> PyResult {
    let items = vec![
        fs_str(vm, u.name.as_bytes())?,
        fs_str(vm, u.passwd.as_bytes())?,
        vm.new_int(u.uid.as_raw() as i64),
        vm.new_int(u.gid.as_raw() as i64),
        fs_str(vm, u.gecos.as_bytes())?,
        fs_str(vm, u.dir.as_os_str().as_encoded_bytes())?,
        fs_str(vm, u.shell.as_os_str().as_encoded_bytes())?,
    ];
    super::struct_seq(vm, "pwd", "struct_passwd", items)
}

fn group_entry(vm: &mut Vm, g: &Group) -> PyResult {
    let mut mem = Vec::with_capacity(g.mem.len());
    for name in &g.mem {
        mem.push(fs_str(vm, name.as_bytes())?);
    }
    let items = vec![
        fs_str(vm, g.name.as_bytes())?,
        fs_str(vm, g.passwd.as_bytes())?,
        vm.new_int(g.gid.as_raw() as i64),
        vm.new_list(mem),
    ];
    super::struct_seq(vm, "grp", "struct_group", items)
}

/// A name-service lookup's outcome: the entry `make` builds, KeyError(`missing`) when there is
/// none, OSError when the lookup itself failed.
fn found<T>(
    vm: &mut Vm,
    r: nix::Result<Option<T>>,
    make: fn(&mut Vm, &T) -> PyResult,
    missing: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult {
    match r {
        Ok(Some(x)) => make(vm, &x),
        Ok(None) => {
            let m = missing(vm)?;
            Err(key_error(vm, m))
        }
        Err(e) => Err(os_error(vm, std::io::Error::from(e), None, None)),
    }
}

/// `func(): name not found: 'name'`.
fn name_missing(vm: &mut Vm, func: &str, name: Value) -> PyResult<String> {
    let r = crate::vm::runtime::repr::repr(vm, name)?;
    Ok(format!(
        "{func}(): name not found: {}",
        crate::vm::interp::str_of(r)
    ))
}

fn getpwuid(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "pwd.getpwuid", a, k, 0, 1, 1)?;
    let Some(uid) = id_arg(vm, a[0], "uid")? else {
        return Err(key_error(vm, "getpwuid(): uid not found".into()));
    };
    found(vm, User::from_uid(Uid::from_raw(uid)), passwd_entry, |_| {
        Ok(format!("getpwuid(): uid not found: {}", id_shown(uid)))
    })
}

fn getpwnam(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "pwd.getpwnam", a, k, 0, 1, 1)?;
    let name = name_arg(vm, a[0], "getpwnam", "")?;
    // The name service takes the bytes; a name that is not UTF-8 names no account nix can ask
    // for (it takes a &str).
    let user = match std::str::from_utf8(&name) {
        Ok(n) => User::from_name(n),
        Err(_) => Ok(None),
    };
    found(vm, user, passwd_entry, |vm| {
        name_missing(vm, "getpwnam", a[0])
    })
}

/// The lines of a colon-separated database file with at least `fields` fields.
fn db_lines(path: &str, fields: usize) -> Vec<Vec<Vec<u8>>> {
    let Ok(text) = std::fs::read(path) else {
        return Vec::new();
    };
    text.split(|&c| c == b'\n')
        .filter(|l| !l.is_empty() && !l.starts_with(b"#"))
        .map(|l| {
            l.split(|&c| c == b':')
                .map(<[u8]>::to_vec)
                .collect::<Vec<_>>()
        })
        .filter(|f| f.len() >= fields)
        .collect()
}

fn parse_id(b: &[u8]) -> Option<u32> {
    std::str::from_utf8(b).ok()?.parse().ok()
}

fn getpwall(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "pwd.getpwall", a, k, 0, 0, 0)?;
    let list = vm.new_list(Vec::new());
    vm.roots.push(list);
    let r = (|| {
        for f in db_lines("/etc/passwd", 7) {
            let (Some(uid), Some(gid)) = (parse_id(&f[2]), parse_id(&f[3])) else {
                continue;
            };
            let mut items = Vec::with_capacity(7);
            for (i, field) in f.iter().take(7).enumerate() {
                items.push(match i {
                    2 => vm.new_int(uid as i64),
                    3 => vm.new_int(gid as i64),
                    _ => fs_str(vm, field)?,
                });
            }
            let e = super::struct_seq(vm, "pwd", "struct_passwd", items);
            as_list(list).unwrap().push(e?);
        }
        Ok(())
    })();
    vm.roots.pop();
    r.map(|()| list)
}

fn getgrgid(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let v = super::clinic_one_arg(vm, a, k, "getgrgid", "id")?;
    let Some(gid) = id_arg(vm, v, "gid")? else {
        // grpmodule.c lets the converter's OverflowError through.
        return Err(vm.overflow_error("gid is less than minimum"));
    };
    found(vm, Group::from_gid(Gid::from_raw(gid)), group_entry, |_| {
        Ok(format!("getgrgid(): gid not found: {}", id_shown(gid)))
    })
}

fn getgrnam(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let v = super::clinic_one_arg(vm, a, k, "getgrnam", "name")?;
    let name = name_arg(vm, v, "getgrnam", "'name' ")?;
    let group = match std::str::from_utf8(&name) {
        Ok(n) => Group::from_name(n),
        Err(_) => Ok(None),
    };
    found(vm, group, group_entry, |vm| name_missing(vm, "getgrnam", v))
}

fn getgrall(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "grp.getgrall", a, k, 0, 0, 0)?;
    let list = vm.new_list(Vec::new());
    vm.roots.push(list);
    let r = (|| {
        for f in db_lines("/etc/group", 4) {
            let Some(gid) = parse_id(&f[2]) else {
                continue;
            };
            let g = Group {
                name: String::from_utf8_lossy(&f[0]).into_owned(),
                passwd: std::ffi::CString::new(f[1].clone()).unwrap_or_default(),
                gid: Gid::from_raw(gid),
                mem: f[3]
                    .split(|&c| c == b',')
                    .filter(|m| !m.is_empty())
                    .map(|m| String::from_utf8_lossy(m).into_owned())
                    .collect(),
            };
            let e = group_entry(vm, &g)?;
            as_list(list).unwrap().push(e);
        }
        Ok(())
    })();
    vm.roots.pop();
    r.map(|()| list)
}
