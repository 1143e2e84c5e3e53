# `_lzma`'s errors: the exception types and messages of CPython's _lzmamodule.c for bad
# arguments, bad filter specifiers, corrupt input and misuse of the stream objects.
import lzma, _lzma, pickle

good = lzma.compress(b"some data " * 100)
LZ2 = lzma.FILTER_LZMA2


class Mapping:
    def __getitem__(self, key):
        if key == "id":
            return lzma.FILTER_DELTA
        raise KeyError(key)


class Broken:
    def __getitem__(self, key):
        raise RuntimeError("no items")


def t(label, f):
    try:
        r = f()
        print(label, "ok", r if not isinstance(r, bytes) or len(r) < 40 else len(r))
    except Exception as e:
        print(label, type(e).__name__, e, e.__context__ is None)


def dec(data, **kw):
    return lzma.LZMADecompressor(**kw).decompress(data)


t("check+1", lambda: lzma.LZMACompressor(check=lzma.CHECK_SHA256 + 1))
t("check-2", lambda: lzma.LZMACompressor(check=-2))
t("check99", lambda: lzma.LZMACompressor(check=99))
t("alone check", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32))
t("raw check", lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW, check=lzma.CHECK_CRC64))
t("alone none", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_NONE).flush()[:5])
t("format 7", lambda: lzma.LZMACompressor(format=7))
t("format auto", lambda: lzma.LZMACompressor(format=lzma.FORMAT_AUTO))
t("format -1", lambda: lzma.LZMACompressor(format=-1))
t("format str", lambda: lzma.LZMACompressor(format="x"))
t("format float", lambda: lzma.LZMACompressor(format=1.0))
t("format big", lambda: lzma.LZMACompressor(format=2**40))
t("format small", lambda: lzma.LZMACompressor(format=-2**40))
t("raw nofilters", lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW))
t("raw preset", lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW, preset=3))
t("preset float", lambda: lzma.LZMACompressor(preset=1.0))
t("preset str", lambda: lzma.LZMACompressor(preset="1"))
t("preset 10", lambda: lzma.LZMACompressor(preset=10))
t("preset alone 10", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, preset=10))
t("preset -1", lambda: lzma.LZMACompressor(preset=-1))
t("preset 2**32", lambda: lzma.LZMACompressor(preset=2**32))
t("preset 2**64", lambda: lzma.LZMACompressor(preset=2**64))
t("preset bool", lambda: lzma.LZMACompressor(preset=True).flush()[:6])
t("both", lambda: lzma.LZMACompressor(preset=1, filters=[]))
t("empty chain", lambda: lzma.LZMACompressor(filters=[]))
t("raw empty chain", lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW, filters=[]))
t("too many", lambda: lzma.LZMACompressor(filters=[{"id": 3}] * 5))
t("delta only", lambda: lzma.LZMACompressor(filters=[{"id": 3}]))
t("lzma first", lambda: lzma.LZMACompressor(filters=[{"id": LZ2}, {"id": 3}]))
t("filters int", lambda: lzma.LZMACompressor(filters=5))
t("filters str", lambda: lzma.LZMACompressor(filters="ab"))
t("filters dict", lambda: lzma.LZMACompressor(filters={"id": LZ2}))
t("filters None item", lambda: lzma.LZMACompressor(filters=[None]))
t("filter list", lambda: lzma.LZMACompressor(filters=[[1, 2]]))
t("filter noid", lambda: lzma.LZMACompressor(filters=[{}]))
t("filter broken", lambda: lzma.LZMACompressor(filters=[Broken()]))
t("filter mapping", lambda: lzma.LZMACompressor(filters=[Mapping()]))
t("id str", lambda: lzma.LZMACompressor(filters=[{"id": "x"}]))
t("id float", lambda: lzma.LZMACompressor(filters=[{"id": 33.0}]))
t("id -1", lambda: lzma.LZMACompressor(filters=[{"id": -1}]))
t("id 2**64", lambda: lzma.LZMACompressor(filters=[{"id": 2**64}]))
t("id 99", lambda: lzma.LZMACompressor(filters=[{"id": 99}]))
t("id 2**63", lambda: lzma.LZMACompressor(filters=[{"id": 2**63}]))
t("unknown key", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "foo": 1}]))
t("int key", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, 1: 1}]))
t("dict_size str", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "dict_size": "1"}]))
t("lc -1", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "lc": -1}]))
t("mode 2**32", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "mode": 2**32}]))
t("mode 7", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "mode": 7}]))
t("mf 1", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "mf": 1}]))
t("lc 5", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "lc": 5}]))
t("lc+lp", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "lc": 3, "lp": 3}]))
t("nice 1", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "nice_len": 1}]))
t("preset in spec", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "preset": 42}]))
t("preset spec str", lambda: lzma.LZMACompressor(filters=[{"id": LZ2, "preset": "x"}]))
t("delta dist 0", lambda: lzma.LZMACompressor(filters=[{"id": 3, "dist": 0}, {"id": LZ2}]))
t("delta dist 257", lambda: lzma.LZMACompressor(filters=[{"id": 3, "dist": 257}, {"id": LZ2}]))
t("delta preset", lambda: lzma.LZMACompressor(filters=[{"id": 3, "preset": 1}, {"id": LZ2}]))
t("bcj bad", lambda: lzma.LZMACompressor(filters=[{"id": 4, "dist": 1}, {"id": LZ2}]))
t("bcj -1", lambda: lzma.LZMACompressor(filters=[{"id": 4, "start_offset": -1}, {"id": LZ2}]))
t("alone chain", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, filters=[{"id": LZ2}]))
t("alone two", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE,
                                           filters=[{"id": 3}, {"id": lzma.FILTER_LZMA1}]))
t("alone empty", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, filters=[]))
t("lzma1 in xz", lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA1}]))
t("too many args", lambda: _lzma.LZMACompressor(1, 2, 3, 4, 5))
t("bad kw", lambda: _lzma.LZMACompressor(bogus=1))
t("dup kw", lambda: _lzma.LZMACompressor(1, format=1))

c = lzma.LZMACompressor()
t("compress str", lambda: c.compress("text"))
t("compress int", lambda: c.compress(5))
t("compress none", lambda: c.compress())
t("compress two", lambda: c.compress(b"a", b"b"))
t("flush arg", lambda: c.flush(1))
t("flush", lambda: len(c.flush()))
t("flushed compress", lambda: c.compress(b"x"))
t("flushed compress str", lambda: c.compress("x"))
t("flush again", lambda: c.flush())
t("pickle comp", lambda: pickle.dumps(c))

t("dec too many", lambda: _lzma.LZMADecompressor(1, 2, 3, 4))
t("dec bad kw", lambda: _lzma.LZMADecompressor(bogus=1))
t("dec dup", lambda: _lzma.LZMADecompressor(0, format=1))
t("dec format 9", lambda: _lzma.LZMADecompressor(format=9))
t("dec format -1", lambda: _lzma.LZMADecompressor(format=-1))
t("dec format float", lambda: _lzma.LZMADecompressor(format=1.5))
t("dec format big", lambda: _lzma.LZMADecompressor(format=2**33))
t("dec memlimit -1", lambda: _lzma.LZMADecompressor(memlimit=-1))
t("dec memlimit str", lambda: _lzma.LZMADecompressor(memlimit="1"))
t("dec memlimit big", lambda: _lzma.LZMADecompressor(memlimit=2**64))
t("dec memlimit max", lambda: _lzma.LZMADecompressor(memlimit=2**64 - 1).decompress(good)[:9])
t("dec raw memlimit", lambda: _lzma.LZMADecompressor(format=3, memlimit=5))
t("dec raw nofilters", lambda: _lzma.LZMADecompressor(format=3))
t("dec xz filters", lambda: _lzma.LZMADecompressor(format=1, filters=[{"id": LZ2}]))
t("dec raw empty", lambda: _lzma.LZMADecompressor(format=3, filters=[]))
t("dec raw bad id", lambda: _lzma.LZMADecompressor(format=3, filters=[{"id": 42}]))
t("memlimit exceeded", lambda: dec(good, memlimit=1024))
t("memlimit alone", lambda: dec(lzma.compress(b"x", format=lzma.FORMAT_ALONE),
                                 format=lzma.FORMAT_ALONE, memlimit=1024))
t("memlimit ok", lambda: dec(good, memlimit=1 << 24)[:9])
t("lzma.decompress memlimit", lambda: lzma.decompress(good, memlimit=100))
t("not xz", lambda: dec(b"this is not compressed at all"))
t("not xz as xz", lambda: dec(b"this is not compressed at all", format=lzma.FORMAT_XZ))
t("not alone", lambda: dec(b"\xff" * 40, format=lzma.FORMAT_ALONE))
t("corrupt", lambda: dec(good[:30] + b"\x00" * 10 + good[40:]))
t("corrupt check", lambda: dec(good[:-20] + bytes([good[-20] ^ 1]) + good[-19:]))
t("truncated", lambda: lzma.decompress(good[:-10]))
t("trailing junk", lambda: lzma.decompress(good + b"junk that is long enough to parse"))
t("raw corrupt", lambda: lzma.decompress(b"\xff" * 50, format=lzma.FORMAT_RAW,
                                         filters=[{"id": LZ2}]))
t("empty input", lambda: lzma.decompress(b""))

d = lzma.LZMADecompressor()
t("dec str", lambda: d.decompress("str"))
t("dec none", lambda: d.decompress())
t("dec maxlen float", lambda: d.decompress(b"", 1.5))
t("dec maxlen str", lambda: d.decompress(b"", "1"))
t("dec maxlen big", lambda: d.decompress(b"", 2**63))
t("dec bad kw2", lambda: d.decompress(b"", foo=1))
t("dec three", lambda: d.decompress(b"", 1, 2))
t("dec data kw", lambda: d.decompress(data=good[:30], max_length=0))
t("dec rest", lambda: len(d.decompress(good[30:])))
t("dec eof", lambda: d.decompress(b"more"))
t("dec eof str", lambda: d.decompress("more"))
t("readonly", lambda: setattr(d, "eof", True))
t("readonly del", lambda: delattr(d, "check"))
t("pickle dec", lambda: pickle.dumps(d))
d = lzma.LZMADecompressor()
t("after error", lambda: d.decompress(b"\x00" * 20))
t("after error again", lambda: d.decompress(good))

t("check str", lambda: lzma.is_check_supported("x"))
t("check float", lambda: lzma.is_check_supported(1.0))
t("check big", lambda: lzma.is_check_supported(2**31))
t("check none", lambda: lzma.is_check_supported())
t("enc props list", lambda: _lzma._encode_filter_properties([]))
t("enc props int", lambda: _lzma._encode_filter_properties(5))
t("enc props noid", lambda: _lzma._encode_filter_properties({}))
t("enc props two", lambda: _lzma._encode_filter_properties({"id": 3}, 1))
t("enc props dist0", lambda: _lzma._encode_filter_properties({"id": 3, "dist": 0}))
t("enc props lc5", lambda: _lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1, "lc": 5}))
t("enc props bad", lambda: _lzma._encode_filter_properties({"id": 3, "dist": "x"}))
t("dec props -1", lambda: _lzma._decode_filter_properties(-1, b""))
t("dec props big", lambda: _lzma._decode_filter_properties(2**64, b""))
t("dec props str", lambda: _lzma._decode_filter_properties("x", b""))
t("dec props data", lambda: _lzma._decode_filter_properties(3, "ab"))
t("dec props 99", lambda: _lzma._decode_filter_properties(99, b""))
t("dec props 2**63", lambda: _lzma._decode_filter_properties(2**63, b""))
t("dec props lzma2 long", lambda: _lzma._decode_filter_properties(LZ2, b"\x01\x02"))
t("dec props lzma2 bad", lambda: _lzma._decode_filter_properties(LZ2, b"\x41"))
t("dec props lzma1 short", lambda: _lzma._decode_filter_properties(lzma.FILTER_LZMA1, b"]"))
t("dec props delta", lambda: _lzma._decode_filter_properties(3, b""))
t("dec props x86 short", lambda: _lzma._decode_filter_properties(4, b"\x01"))
t("dec props x86 odd", lambda: _lzma._decode_filter_properties(4, b"\x01\x00\x00\x00"))
t("dec props args", lambda: _lzma._decode_filter_properties(3))
try:
    class Sub(lzma.LZMACompressor):
        pass
except TypeError as e:
    print("subclass", e)
try:
    class Sub(lzma.LZMADecompressor):
        pass
except TypeError as e:
    print("subclass", e)
t("LZMAFile mode", lambda: lzma.LZMAFile("x", "z"))
t("LZMAFile obj", lambda: lzma.LZMAFile(5))
t("open mode", lambda: lzma.open("x", "rbt"))
t("open text enc", lambda: lzma.open("x", "rb", encoding="utf-8"))
t("compress raw", lambda: lzma.compress(b"", format=lzma.FORMAT_RAW))
