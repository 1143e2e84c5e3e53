//! liblzma's C API (lzma-sys) behind safe types, for the `_lzma` module
//! (src/vm/modules/lzma.rs): coding streams, filter chains built from plain Rust values, the
//! filter properties codec and the preset table. No crate wraps the parts `_lzma` needs (xz2 has
//! no delta filter, no properties codec and no way to read a decoder's check), so this is the
//! sys layer's: every `unsafe` block below has its `// SAFETY:`.
//!
//! The rules the wrappers keep for liblzma: a `lzma_stream` is boxed (it never moves once
//! initialized) and freed by `lzma_end` on drop; its `next_in`/`next_out` point into the slices
//! of one `code` call only and are cleared afterwards; a filter chain's option structs live in
//! this module's own storage for the duration of the call that reads them (liblzma copies what it
//! keeps), each of the layout its filter ID names, and the chain ends with LZMA_VLI_UNKNOWN.

use lzma_sys as ffi;
use std::os::raw::c_void;

/// liblzma's `lzma_ret` (LZMA_OK, LZMA_STREAM_END, ..., LZMA_PROG_ERROR).
pub type Ret = u32;
pub use ffi::{
    LZMA_BUF_ERROR as BUF_ERROR, LZMA_DATA_ERROR as DATA_ERROR, LZMA_FILTER_LZMA1 as FILTER_LZMA1,
    LZMA_FILTER_LZMA2 as FILTER_LZMA2, LZMA_FORMAT_ERROR as FORMAT_ERROR,
    LZMA_GET_CHECK as GET_CHECK, LZMA_MEMLIMIT_ERROR as MEMLIMIT_ERROR,
    LZMA_MEM_ERROR as MEM_ERROR, LZMA_NO_CHECK as NO_CHECK, LZMA_OK as OK,
    LZMA_OPTIONS_ERROR as OPTIONS_ERROR, LZMA_PROG_ERROR as PROG_ERROR,
    LZMA_STREAM_END as STREAM_END, LZMA_UNSUPPORTED_CHECK as UNSUPPORTED_CHECK,
};

/// The delta filter's ID (lzma/delta.h; lzma-sys does not define it).
pub const FILTER_DELTA: u64 = 0x03;
/// The BCJ filters' IDs: x86, PowerPC, IA-64, ARM, ARM-Thumb, SPARC.
pub const FILTERS_BCJ: std::ops::RangeInclusive<u64> = 0x04..=0x09;
/// The longest filter chain liblzma takes (LZMA_FILTERS_MAX).
pub const FILTERS_MAX: usize = 4;

/// The settings of an LZMA1 or LZMA2 filter that `_lzma` reads and writes (`lzma_options_lzma`
/// without its preset dictionary, which `_lzma` never sets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LzmaOptions {
    pub dict_size: u32,
    pub lc: u32,
    pub lp: u32,
    pub pb: u32,
    pub mode: u32,
    pub nice_len: u32,
    pub mf: u32,
    pub depth: u32,
}

/// One filter of a chain, with its options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    Lzma1(LzmaOptions),
    Lzma2(LzmaOptions),
    /// The delta filter's distance (LZMA_DELTA_TYPE_BYTE).
    Delta(u32),
    /// A BCJ filter (an ID in `FILTERS_BCJ`) and its start offset.
    Bcj(u64, u32),
}

/// What `properties_decode` found: a filter `_lzma` knows, or another ID liblzma decodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoded {
    Known(Filter),
    Other(u64),
}

/// `lzma_options_delta` (lzma/delta.h): lzma-sys does not bind it.
#[repr(C)]
struct OptionsDelta {
    type_: u32,
    dist: u32,
    reserved_int: [u32; 4],
    reserved_ptr: [*mut c_void; 2],
}

/// An all-zero `lzma_options_lzma`: no preset dictionary, reserved fields cleared.
fn zeroed_lzma_options() -> ffi::lzma_options_lzma {
    // SAFETY: lzma_options_lzma is a plain C struct of integers, enums whose zero is a valid
    // value and raw pointers, for which all-zero bytes (null pointers) are a valid value.
    unsafe { std::mem::zeroed() }
}

impl LzmaOptions {
    fn from_c(o: &ffi::lzma_options_lzma) -> Self {
        LzmaOptions {
            dict_size: o.dict_size,
            lc: o.lc,
            lp: o.lp,
            pb: o.pb,
            mode: o.mode,
            nice_len: o.nice_len,
            mf: o.mf,
            depth: o.depth,
        }
    }

    fn to_c(self) -> ffi::lzma_options_lzma {
        let mut o = zeroed_lzma_options();
        o.dict_size = self.dict_size;
        o.lc = self.lc;
        o.lp = self.lp;
        o.pb = self.pb;
        o.mode = self.mode;
        o.nice_len = self.nice_len;
        o.mf = self.mf;
        o.depth = self.depth;
        o
    }
}

/// The LZMA options of a compression preset (lzma_lzma_preset), None for an invalid preset.
pub fn lzma_preset(preset: u32) -> Option<LzmaOptions> {
    let mut o = zeroed_lzma_options();
    // SAFETY: `o` is a valid, writable lzma_options_lzma that the call fills in.
    let bad = unsafe { ffi::lzma_lzma_preset(&mut o, preset) };
    (bad == 0).then(|| LzmaOptions::from_c(&o))
}

/// Whether liblzma supports an integrity check ID (lzma_check_is_supported).
pub fn check_is_supported(check: u32) -> bool {
    // SAFETY: takes a number; IDs out of range are answered false.
    unsafe { ffi::lzma_check_is_supported(check) != 0 }
}

/// The option structs of a chain, owned here while liblzma reads them.
enum Opts {
    Lzma(Box<ffi::lzma_options_lzma>),
    Delta(Box<OptionsDelta>),
    Bcj(Box<ffi::lzma_options_bcj>),
}

impl Opts {
    fn ptr(&mut self) -> *mut c_void {
        match self {
            Opts::Lzma(b) => &mut **b as *mut ffi::lzma_options_lzma as *mut c_void,
            Opts::Delta(b) => &mut **b as *mut OptionsDelta as *mut c_void,
            Opts::Bcj(b) => &mut **b as *mut ffi::lzma_options_bcj as *mut c_void,
        }
    }
}

/// Runs `f` on the C form of `filters` (terminated by LZMA_VLI_UNKNOWN); LZMA_PROG_ERROR,
/// without calling it, for a chain longer than FILTERS_MAX or a BCJ filter with another ID.
fn with_chain(filters: &[Filter], f: impl FnOnce(*const ffi::lzma_filter) -> Ret) -> Ret {
    if filters.len() > FILTERS_MAX {
        return PROG_ERROR;
    }
    let mut opts: Vec<(u64, Opts)> = Vec::with_capacity(filters.len());
    for &flt in filters {
        opts.push(match flt {
            Filter::Lzma1(o) => (FILTER_LZMA1, Opts::Lzma(Box::new(o.to_c()))),
            Filter::Lzma2(o) => (FILTER_LZMA2, Opts::Lzma(Box::new(o.to_c()))),
            Filter::Delta(dist) => (
                FILTER_DELTA,
                Opts::Delta(Box::new(OptionsDelta {
                    type_: 0, // LZMA_DELTA_TYPE_BYTE
                    dist,
                    reserved_int: [0; 4],
                    reserved_ptr: [std::ptr::null_mut(); 2],
                })),
            ),
            Filter::Bcj(id, start_offset) if FILTERS_BCJ.contains(&id) => (
                id,
                Opts::Bcj(Box::new(ffi::lzma_options_bcj { start_offset })),
            ),
            Filter::Bcj(..) => return PROG_ERROR,
        });
    }
    let mut chain: Vec<ffi::lzma_filter> = opts
        .iter_mut()
        .map(|(id, o)| ffi::lzma_filter {
            id: *id,
            options: o.ptr(),
        })
        .collect();
    chain.push(ffi::lzma_filter {
        id: ffi::LZMA_VLI_UNKNOWN,
        options: std::ptr::null_mut(),
    });
    // `opts` (the structs the chain points to) lives until after the call.
    let r = f(chain.as_ptr());
    drop(opts);
    r
}

/// The encoded properties of a filter (lzma_properties_size + lzma_properties_encode).
pub fn properties_encode(filter: Filter) -> Result<Vec<u8>, Ret> {
    let mut out: Vec<u8> = Vec::new();
    let r = with_chain(&[filter], |chain| {
        let mut size: u32 = 0;
        // SAFETY: `chain` points to a valid filter whose options match its ID (with_chain);
        // `size` is writable.
        let r = unsafe { ffi::lzma_properties_size(&mut size, chain) };
        if r != OK {
            return r;
        }
        out = vec![0u8; size as usize];
        // SAFETY: as above; `out` has the `size` bytes lzma_properties_size asked for.
        unsafe { ffi::lzma_properties_encode(chain, out.as_mut_ptr()) }
    });
    if r == OK {
        Ok(out)
    } else {
        Err(r)
    }
}

/// The filter that encoded properties describe (lzma_properties_decode).
pub fn properties_decode(id: u64, props: &[u8]) -> Result<Decoded, Ret> {
    let mut f = ffi::lzma_filter {
        id,
        options: std::ptr::null_mut(),
    };
    // SAFETY: `f` is writable; `props` is readable for its length; a null allocator makes
    // liblzma allocate the options with malloc(3).
    let r = unsafe {
        ffi::lzma_properties_decode(&mut f, std::ptr::null(), props.as_ptr(), props.len())
    };
    if r != OK {
        return Err(r);
    }
    let p = f.options;
    // SAFETY: on success liblzma set `options` to null (a BCJ filter without properties) or to
    // a struct of the type `id` names, allocated with malloc(3); each arm reads that type.
    let d = unsafe {
        match id {
            _ if p.is_null() && FILTERS_BCJ.contains(&id) => Decoded::Known(Filter::Bcj(id, 0)),
            _ if p.is_null() => Decoded::Other(id),
            FILTER_LZMA1 => Decoded::Known(Filter::Lzma1(LzmaOptions::from_c(
                &*(p as *const ffi::lzma_options_lzma),
            ))),
            FILTER_LZMA2 => Decoded::Known(Filter::Lzma2(LzmaOptions::from_c(
                &*(p as *const ffi::lzma_options_lzma),
            ))),
            FILTER_DELTA => Decoded::Known(Filter::Delta((*(p as *const OptionsDelta)).dist)),
            _ if FILTERS_BCJ.contains(&id) => Decoded::Known(Filter::Bcj(
                id,
                (*(p as *const ffi::lzma_options_bcj)).start_offset,
            )),
            _ => Decoded::Other(id),
        }
    };
    // SAFETY: `p` is null or was allocated by malloc(3) in lzma_properties_decode, and is freed
    // once, here.
    unsafe { libc::free(p) };
    Ok(d)
}

/// How `Stream::code` is asked to proceed (lzma_action).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Action {
    Run,
    Finish,
}

/// An initialized coding stream (encoder or decoder), ended on drop.
pub struct Stream {
    strm: Box<ffi::lzma_stream>,
}

impl Stream {
    /// A stream set up by `init` (one of liblzma's encoder or decoder initializers), or its
    /// error code.
    fn init(init: impl FnOnce(*mut ffi::lzma_stream) -> Ret) -> Result<Stream, Ret> {
        // SAFETY: lzma_stream is a plain C struct of integers and pointers whose all-zero value
        // is LZMA_STREAM_INIT (null allocator: malloc/free).
        let strm: Box<ffi::lzma_stream> = Box::new(unsafe { std::mem::zeroed() });
        let mut s = Stream { strm };
        let p: *mut ffi::lzma_stream = &mut *s.strm;
        match init(p) {
            OK => Ok(s),
            // `s` is ended by Drop: lzma_end frees whatever a failed initializer left.
            r => Err(r),
        }
    }

    /// The .xz encoder of a preset (lzma_easy_encoder).
    pub fn easy_encoder(preset: u32, check: u32) -> Result<Stream, Ret> {
        // SAFETY: `p` is a boxed LZMA_STREAM_INIT stream (Stream::init).
        Stream::init(|p| unsafe { ffi::lzma_easy_encoder(p, preset, check) })
    }

    /// The .xz encoder of a filter chain (lzma_stream_encoder).
    pub fn stream_encoder(filters: &[Filter], check: u32) -> Result<Stream, Ret> {
        Stream::init(|p| {
            // SAFETY: `p` as in easy_encoder; `c` is a valid terminated chain (with_chain).
            with_chain(filters, |c| unsafe {
                ffi::lzma_stream_encoder(p, c, check)
            })
        })
    }

    /// The .lzma ("alone") encoder (lzma_alone_encoder).
    pub fn alone_encoder(opts: LzmaOptions) -> Result<Stream, Ret> {
        let o = opts.to_c();
        // SAFETY: `p` as in easy_encoder; `o` is a valid lzma_options_lzma that outlives the
        // call (liblzma copies it).
        Stream::init(|p| unsafe { ffi::lzma_alone_encoder(p, &o) })
    }

    /// The raw encoder of a filter chain (lzma_raw_encoder).
    pub fn raw_encoder(filters: &[Filter]) -> Result<Stream, Ret> {
        Stream::init(|p| {
            // SAFETY: as in stream_encoder.
            with_chain(filters, |c| unsafe { ffi::lzma_raw_encoder(p, c) })
        })
    }

    /// The decoder of .xz and .lzma input (lzma_auto_decoder).
    pub fn auto_decoder(memlimit: u64, flags: u32) -> Result<Stream, Ret> {
        // SAFETY: as in easy_encoder.
        Stream::init(|p| unsafe { ffi::lzma_auto_decoder(p, memlimit, flags) })
    }

    /// The .xz decoder (lzma_stream_decoder).
    pub fn stream_decoder(memlimit: u64, flags: u32) -> Result<Stream, Ret> {
        // SAFETY: as in easy_encoder.
        Stream::init(|p| unsafe { ffi::lzma_stream_decoder(p, memlimit, flags) })
    }

    /// The .lzma decoder (lzma_alone_decoder).
    pub fn alone_decoder(memlimit: u64) -> Result<Stream, Ret> {
        // SAFETY: as in easy_encoder.
        Stream::init(|p| unsafe { ffi::lzma_alone_decoder(p, memlimit) })
    }

    /// The raw decoder of a filter chain (lzma_raw_decoder).
    pub fn raw_decoder(filters: &[Filter]) -> Result<Stream, Ret> {
        Stream::init(|p| {
            // SAFETY: as in stream_encoder.
            with_chain(filters, |c| unsafe { ffi::lzma_raw_decoder(p, c) })
        })
    }

    /// One lzma_code call over `input` into `out`: (its return code, bytes of `input`
    /// consumed, bytes of `out` written).
    pub fn code(&mut self, input: &[u8], out: &mut [u8], action: Action) -> (Ret, usize, usize) {
        let s = &mut *self.strm;
        s.next_in = input.as_ptr();
        s.avail_in = input.len();
        s.next_out = out.as_mut_ptr();
        s.avail_out = out.len();
        let a = match action {
            Action::Run => ffi::LZMA_RUN,
            Action::Finish => ffi::LZMA_FINISH,
        };
        // SAFETY: the stream was initialized (Stream::init); next_in/avail_in and
        // next_out/avail_out describe the live slices `input` and `out`.
        let r = unsafe { ffi::lzma_code(s, a) };
        let used = input.len() - s.avail_in;
        let wrote = out.len() - s.avail_out;
        // No pointer into the caller's slices outlives the call.
        s.next_in = std::ptr::null();
        s.avail_in = 0;
        s.next_out = std::ptr::null_mut();
        s.avail_out = 0;
        (r, used, wrote)
    }

    /// The integrity check of the stream being decoded (lzma_get_check).
    pub fn check(&self) -> u32 {
        // SAFETY: an initialized stream; the call only reads it.
        unsafe { ffi::lzma_get_check(&*self.strm) }
    }

    /// The memory the coder uses, in bytes (lzma_memusage).
    pub fn memusage(&self) -> u64 {
        // SAFETY: an initialized stream; the call only reads it.
        unsafe { ffi::lzma_memusage(&*self.strm) }
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        // SAFETY: the stream is LZMA_STREAM_INIT or initialized; lzma_end frees what it holds
        // and is called once.
        unsafe { ffi::lzma_end(&mut *self.strm) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_raw_chain() {
        let opts = lzma_preset(6).unwrap();
        let chain = [Filter::Delta(4), Filter::Bcj(0x04, 0), Filter::Lzma2(opts)];
        let data: Vec<u8> = (0..20000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut enc = Stream::raw_encoder(&chain).unwrap();
        let mut comp = vec![0u8; 65536];
        let (r, used, n) = enc.code(&data, &mut comp, Action::Finish);
        assert_eq!((r, used), (STREAM_END, data.len()));
        let mut dec = Stream::raw_decoder(&chain).unwrap();
        let mut back = vec![0u8; data.len() + 10];
        let (r, used, m) = dec.code(&comp[..n], &mut back, Action::Run);
        assert_eq!((r, used, &back[..m]), (STREAM_END, n, &data[..]));
    }

    #[test]
    fn properties() {
        let p = properties_encode(Filter::Delta(7)).unwrap();
        assert_eq!(p, [6]);
        assert_eq!(
            properties_decode(FILTER_DELTA, &p),
            Ok(Decoded::Known(Filter::Delta(7)))
        );
        assert_eq!(
            properties_decode(0x04, &[]),
            Ok(Decoded::Known(Filter::Bcj(4, 0)))
        );
        assert_eq!(
            properties_encode(Filter::Bcj(FILTER_LZMA2, 0)),
            Err(PROG_ERROR)
        );
        assert!(lzma_preset(10).is_none());
        assert!(check_is_supported(4) && !check_is_supported(99));
    }
}
