//! LOAD_GLOBAL: guarded by dict keys versions (a dict's shape changes whenever a key is added
//! or removed, and no two dicts share one), so a hit is two compares and an indexed load.

use super::{Reason, Site};
use crate::bytecode::opcode::Opcode;
use crate::vm::interp::Vm;
use crate::vm::object::as_dict;
use crate::vm::runtime::inline_cache::find_str;

pub fn load_global(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let name = s.cd.names[(s.oparg >> 1) as usize];
    let globals = s.f.get().globals;
    let g = &as_dict(globals).ok_or("globals is not a dict")?.table;
    if let Some(i) = find_str(g, name) {
        s.set_u64(1, g.shape());
        s.unit(5).set(i as u32);
        return Ok(Opcode::LOAD_GLOBAL_MODULE);
    }
    let b = &as_dict(vm.builtins).ok_or("builtins is not a dict")?.table;
    let i = find_str(b, name).ok_or("name not found")?;
    s.set_u64(1, g.shape());
    s.set_u64(3, b.shape());
    s.unit(5).set(i as u32);
    Ok(Opcode::LOAD_GLOBAL_BUILTIN)
}
