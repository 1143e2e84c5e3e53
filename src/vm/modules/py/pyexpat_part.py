"""Python wrapper for Expat parser."""

# The xmlparser class over the native tokenizer `_scan` (see expat.rs): decoding, handlers,
# namespaces, entities and the well-formedness checks that span tokens.

import sys as _sys

EXPAT_VERSION = 'expat_2.5.0'
version_info = (2, 5, 0)
native_encoding = 'UTF-8'
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1), ('XML_DTD', 0),
            ('XML_CONTEXT_BYTES', 1024), ('XML_NS', 0), ('XML_BLAP_MAX_AMP', 100),
            ('XML_BLAP_ACT_THRES', 8388608)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2
expat_CAPI = None

_MESSAGES = [
    None, 'out of memory', 'syntax error', 'no element found',
    'not well-formed (invalid token)', 'unclosed token', 'partial character',
    'mismatched tag', 'duplicate attribute', 'junk after document element',
    'illegal parameter entity reference', 'undefined entity', 'recursive entity reference',
    'asynchronous entity', 'reference to invalid character number',
    'reference to binary entity', 'reference to external entity in attribute',
    'XML or text declaration not at start of entity', 'unknown encoding',
    'encoding specified in XML declaration is incorrect', 'unclosed CDATA section',
    'error in processing external entity reference', 'document is not standalone',
    'unexpected parser state - please send a bug report',
    'entity declared in parameter entity',
    'requested feature requires XML_DTD support in Expat',
    'cannot change setting once parsing has begun', 'unbound prefix',
    'must not undeclare prefix', 'incomplete markup in parameter entity',
    'XML declaration not well-formed', 'text declaration not well-formed',
    'illegal character(s) in public id', 'parser suspended', 'parser not suspended',
    'parsing aborted', 'parsing finished', 'cannot suspend in external parameter entity',
    'reserved prefix (xml) must not be undeclared or bound to another namespace name',
    'reserved prefix (xmlns) must not be declared or undeclared',
    'prefix must not be bound to one of the reserved namespace names', 'invalid argument',
    'a successful prior call to function XML_GetBuffer is required',
    'limit on input amplification factor (from DTD and entities) breached',
]
_NAMES = [
    None, 'NO_MEMORY', 'SYNTAX', 'NO_ELEMENTS', 'INVALID_TOKEN', 'UNCLOSED_TOKEN',
    'PARTIAL_CHAR', 'TAG_MISMATCH', 'DUPLICATE_ATTRIBUTE', 'JUNK_AFTER_DOC_ELEMENT',
    'PARAM_ENTITY_REF', 'UNDEFINED_ENTITY', 'RECURSIVE_ENTITY_REF', 'ASYNC_ENTITY',
    'BAD_CHAR_REF', 'BINARY_ENTITY_REF', 'ATTRIBUTE_EXTERNAL_ENTITY_REF', 'MISPLACED_XML_PI',
    'UNKNOWN_ENCODING', 'INCORRECT_ENCODING', 'UNCLOSED_CDATA_SECTION',
    'EXTERNAL_ENTITY_HANDLING', 'NOT_STANDALONE', 'UNEXPECTED_STATE', 'ENTITY_DECLARED_IN_PE',
    'FEATURE_REQUIRES_XML_DTD', 'CANT_CHANGE_FEATURE_ONCE_PARSING', 'UNBOUND_PREFIX',
    'UNDECLARING_PREFIX', 'INCOMPLETE_PE', 'XML_DECL', 'TEXT_DECL', 'PUBLICID', 'SUSPENDED',
    'NOT_SUSPENDED', 'ABORTED', 'FINISHED', 'SUSPEND_PE', 'RESERVED_PREFIX_XML',
    'RESERVED_PREFIX_XMLNS', 'RESERVED_NAMESPACE_URI', 'INVALID_ARGUMENT', 'NO_BUFFER',
    'AMPLIFICATION_LIMIT_BREACH',
]

_module_type = type(_sys)

errors = _module_type('pyexpat.errors')
errors.__doc__ = 'Constants used to describe error conditions.'
errors.codes = {}
errors.messages = {}
for _code in range(1, len(_MESSAGES)):
    setattr(errors, 'XML_ERROR_' + _NAMES[_code], _MESSAGES[_code])
    errors.codes[_MESSAGES[_code]] = _code
    errors.messages[_code] = _MESSAGES[_code]

model = _module_type('pyexpat.model')
model.__doc__ = 'Constants used to interpret content model information.'
model.XML_CTYPE_EMPTY = 1
model.XML_CTYPE_ANY = 2
model.XML_CTYPE_MIXED = 3
model.XML_CTYPE_NAME = 4
model.XML_CTYPE_CHOICE = 5
model.XML_CTYPE_SEQ = 6
model.XML_CQUANT_NONE = 0
model.XML_CQUANT_OPT = 1
model.XML_CQUANT_REP = 2
model.XML_CQUANT_PLUS = 3
_sys.modules['pyexpat.errors'] = errors
_sys.modules['pyexpat.model'] = model
del _code


class ExpatError(Exception):
    pass


ExpatError.__module__ = 'xml.parsers.expat'
error = ExpatError


def ErrorString(code):
    """Returns string error for given number."""
    if 0 < code < len(_MESSAGES):
        return _MESSAGES[code]
    return None


# Token kinds from _scan.
_TEXT, _WS, _START, _END, _REF, _COMMENT, _PI, _CDATA, _DOCTYPE = 1, 2, 3, 4, 5, 6, 7, 8, 9
_ENTITY, _ELEMENT, _ATTLIST, _NOTATION, _PEREF, _ERROR = 10, 11, 12, 13, 14, 15

_XML_NS = 'http://www.w3.org/XML/1998/namespace'
_XMLNS_NS = 'http://www.w3.org/2000/xmlns/'

_HANDLERS = (
    'StartElementHandler', 'EndElementHandler', 'ProcessingInstructionHandler',
    'CharacterDataHandler', 'UnparsedEntityDeclHandler', 'NotationDeclHandler',
    'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'CommentHandler',
    'StartCdataSectionHandler', 'EndCdataSectionHandler', 'DefaultHandler',
    'DefaultHandlerExpand', 'NotStandaloneHandler', 'ExternalEntityRefHandler',
    'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
    'XmlDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler', 'SkippedEntityHandler',
)


_PUBLIC = frozenset(_HANDLERS + (
    'buffer_text', 'buffer_size', 'ordered_attributes', 'specified_attributes',
    'namespace_prefixes', 'intern'))


class _Stop(Exception):
    """An expat error inside the parse (code, line, column, byte index)."""


def _parse_model(s):
    """An ELEMENT declaration's content model as expat's nested tuples."""
    if s == 'EMPTY':
        return (1, 0, None, ())
    if s == 'ANY':
        return (2, 0, None, ())
    if s.startswith('(#PCDATA'):
        names = s[s.index('(') + 1:s.rindex(')')].split('|')[1:]
        quant = 2 if s.endswith('*') else 0
        return (3, quant, None, tuple((4, 0, n, ()) for n in names))
    pos = [0]

    def quant():
        c = s[pos[0]:pos[0] + 1]
        if c in ('?', '*', '+'):
            pos[0] += 1
            return {'?': 1, '*': 2, '+': 3}[c]
        return 0

    def particle():
        if s[pos[0]:pos[0] + 1] == '(':
            pos[0] += 1
            items = [particle()]
            kind = 6
            while pos[0] < len(s) and s[pos[0]] in ',|':
                kind = 6 if s[pos[0]] == ',' else 5
                pos[0] += 1
                items.append(particle())
            pos[0] += 1  # ')'
            return (kind, quant(), None, tuple(items))
        start = pos[0]
        while pos[0] < len(s) and s[pos[0]] not in ',|)?*+':
            pos[0] += 1
        name = s[start:pos[0]]
        return (4, quant(), name, ())

    return particle()


def _advance(pos, s):
    """The position (line, column, byte index) after text `s` from `pos`."""
    line, col, byte = pos
    n = s.count('\n')
    if n:
        return (line + n, len(s) - s.rindex('\n') - 1, byte + len(s.encode('utf-8')))
    return (line, col + len(s), byte + len(s.encode('utf-8')))


_WS = ' \t\r\n'


def _name_like(s, encoding):
    """Whether `s` is a valid version number (or, `encoding`, an encoding name)."""
    if not s or (encoding and not ('a' <= s[0].lower() <= 'z')):
        return False
    return all(c.isascii() and (c.isalnum() or c in '._-' or (c == ':' and not encoding))
               for c in s)


def _utf8_pieces(s, size):
    """`s` cut into pieces of at most `size` UTF-8 bytes."""
    if s.isascii():
        return [s[i:i + size] for i in range(0, len(s), size)]
    pieces = []
    start = used = 0
    for i, c in enumerate(s):
        n = len(c.encode('utf-8', 'surrogatepass'))
        if used + n > size:
            pieces.append(s[start:i])
            start, used = i, 0
        used += n
    pieces.append(s[start:])
    return pieces


def _xml_decl(data):
    """(version, encoding, standalone) of an XML declaration's pseudo-attributes, or None."""
    items = []
    rest = data.strip(_WS)
    while rest:
        eq = rest.find('=')
        if eq < 0:
            return None
        name = rest[:eq].strip(_WS)
        rest = rest[eq + 1:].lstrip(_WS)
        if not rest or rest[0] not in '"\'':
            return None
        end = rest.find(rest[0], 1)
        if end < 0:
            return None
        items.append((name, rest[1:end]))
        rest = rest[end + 1:]
        if rest and rest[0] not in ' \t\r\n':
            return None
        rest = rest.lstrip(_WS)
    names = [n for n, _ in items]
    if not names or names[0] != 'version' or names not in (
            ['version'], ['version', 'encoding'], ['version', 'standalone'],
            ['version', 'encoding', 'standalone']):
        return None
    d = dict(items)
    if not _name_like(d['version'], False) or not _name_like(d.get('encoding', 'x'), True):
        return None
    sa = d.get('standalone')
    if sa not in (None, 'yes', 'no'):
        return None
    return d['version'], d.get('encoding'), -1 if sa is None else int(sa == 'yes')


def _declared_encoding(raw):
    """The encoding named by the XML declaration at the start of `raw` (ASCII-compatible
    bytes), None if there is none; False if more bytes are needed to tell."""
    if not raw.startswith(b'<?xml'):
        return False if b'<?xml'.startswith(raw) else None
    end = raw.find(b'?>')
    if end < 0:
        return False
    d = _xml_decl(raw[5:end].decode('latin-1'))
    if d is None:
        return None
    return d[1]


_NATIVE = {'utf-8': 'utf-8', 'utf8': 'utf-8', 'us-ascii': 'ascii', 'ascii': 'ascii',
           'iso-8859-1': 'latin-1', 'iso8859-1': 'latin-1', 'latin-1': 'latin-1',
           'latin1': 'latin-1', 'utf-16': 'utf-16', 'utf16': 'utf-16'}

_NOT_CREATABLE = object()


class xmlparser:
    """XML parser"""

    def __init__(self, _key=None, encoding=None, namespace_separator=None, intern=None):
        if _key is not _NOT_CREATABLE:
            raise TypeError("cannot create 'pyexpat.xmlparser' instances")
        object.__setattr__(self, '_buf', [])
        for h in _HANDLERS:
            object.__setattr__(self, h, None)
        self._encoding = encoding
        self._sep = namespace_separator
        self.intern = intern
        self.buffer_text = False
        self._buffer_size = 8192
        self._buf = []
        self._buf_len = 0
        self.ordered_attributes = False
        self.specified_attributes = False
        self.namespace_prefixes = False
        self._base = None
        # Input: undecoded bytes, the decoder once known, and text not yet tokenized.
        self._raw = b''
        self._decode = None
        self._text = ''
        self._str_input = False
        self._convert = False
        self._state = 0
        self._depth = 0
        self._line = 1
        self._col = 0
        self._byte = 0
        self._cur = (1, 0, 0)
        self._err = (0, 1, 0, -1)
        self._started = False
        self._finished = False
        self._failed = None
        self._stack = []
        self._ns_scopes = []
        self._bindings = {'xml': [_XML_NS]}
        self._root_done = False
        self._doctype_seen = False
        self._has_ext_refs = False
        self._standalone = False
        self._keep_decls = True
        self._entities = {}
        self._pentities = {}
        self._attdefaults = {}
        self._tokenized = {}
        self._open_entities = []
        self._ent_pos = None
        self._param_parsing = 0
        self._foreign_dtd = False
        self._external = False

    # ---- attributes ---------------------------------------------------------------------------

    @property
    def buffer_size(self):
        return self._buffer_size

    @buffer_size.setter
    def buffer_size(self, n):
        if not isinstance(n, int):
            raise TypeError('buffer_size must be an integer')
        if n <= 0:
            raise ValueError('buffer_size must be greater than zero')
        if n > 2147483647:
            raise ValueError('buffer_size must not be greater than 2147483647')
        self._flush()
        self._buffer_size = n

    @property
    def buffer_used(self):
        return self._buf_len

    def __setattr__(self, name, value):
        if not isinstance(name, str):
            raise TypeError('attribute name must be string, not %r' % type(name).__name__)
        if name[:1] != '_' and name not in _PUBLIC:
            raise AttributeError("'pyexpat.xmlparser' object has no attribute %r" % name)
        if name in ('buffer_text', 'ordered_attributes', 'specified_attributes',
                    'namespace_prefixes'):
            value = bool(value)
            if name == 'buffer_text' and not value:
                self._flush()
        elif name == 'CharacterDataHandler':
            self._flush()
        elif name == 'intern':
            if value is None:
                value = {}
            elif not isinstance(value, dict):
                raise TypeError('intern must be a dictionary')
        object.__setattr__(self, name, value)

    @property
    def CurrentLineNumber(self):
        return self._cur[0]

    @property
    def CurrentColumnNumber(self):
        return self._cur[1]

    @property
    def CurrentByteIndex(self):
        return self._cur[2]

    @property
    def ErrorCode(self):
        return self._err[0]

    @property
    def ErrorLineNumber(self):
        return self._err[1] if self._err[0] else self._cur[0]

    @property
    def ErrorColumnNumber(self):
        return self._err[2] if self._err[0] else self._cur[1]

    @property
    def ErrorByteIndex(self):
        return self._err[3] if self._err[0] else self._cur[2]

    # ---- methods ------------------------------------------------------------------------------

    def SetBase(self, base):
        self._base = base

    def GetBase(self):
        return self._base

    def GetInputContext(self):
        return None

    def SetParamEntityParsing(self, flag):
        self._param_parsing = flag
        return 1

    def UseForeignDTD(self, flag=True):
        if self._started:
            self._raise(26)
        self._foreign_dtd = bool(flag)
        if flag:
            self._has_ext_refs = True

    def ExternalEntityParserCreate(self, context, encoding=None):
        p = xmlparser(_NOT_CREATABLE, encoding, self._sep, self.intern)
        for h in _HANDLERS:
            object.__setattr__(p, h, getattr(self, h))
        for a in ('buffer_text', 'ordered_attributes', 'specified_attributes',
                  'namespace_prefixes'):
            object.__setattr__(p, a, getattr(self, a))
        p._base = self._base
        p._entities = self._entities
        p._attdefaults = self._attdefaults
        p._tokenized = self._tokenized
        p._has_ext_refs = True
        p._external = context is not None
        if p._external:
            p._state = 1
            p._depth = 1
            p._bindings = {k: list(v) for k, v in self._bindings.items()}
        return p

    def ParseFile(self, file):
        try:
            read = file.read
        except AttributeError:
            raise TypeError("argument must have 'read' attribute") from None
        while True:
            data = read(2048)
            if not isinstance(data, (bytes, bytearray, str)):
                raise TypeError('read() did not return a bytes object (type=%s)'
                                % type(data).__name__)
            if not data:
                break
            self.Parse(data, False)
        return self.Parse(b'', True)

    def Parse(self, data, isfinal=False):
        """Parse XML data.

        `isfinal' should be true at end of input."""
        if self._failed is not None:
            raise self._failed
        if self._finished:
            self._raise(36)
        self._started = True
        final = bool(isfinal)
        try:
            if isinstance(data, str):
                if self._decode is None:
                    self._decode = self._str_decoder
                    self._str_input = True
                self._text += data
            else:
                data = bytes(data)
                self._raw += data
                if self._decode is None and not self._detect(final):
                    return 1
                if self._raw:
                    raw = self._raw
                    self._raw = b''
                    self._text += self._decode(raw, final)
            self._run(final)
        except _Stop as e:
            # Character data not yet reported is dropped with the error, as pyexpat does.
            self._buf = []
            self._buf_len = 0
            code, line, col, byte = e.args
            self._err = (code, line, col, byte)
            self._cur = (line, col, byte)
            err = ExpatError('%s: line %d, column %d' % (_MESSAGES[code], line, col))
            err.code = code
            err.lineno = line
            err.offset = col
            self._failed = err
            raise err from None
        finally:
            self._flush()
        if final:
            self._finished = True
        return 1

    # ---- input --------------------------------------------------------------------------------

    def _str_decoder(self, raw, final):
        return raw.decode('utf-8')

    def _detect(self, final):
        """Chooses the decoder from the first bytes; False if more are needed."""
        raw = self._raw
        enc = self._encoding
        if enc is None:
            if raw[:3] == b'\xef\xbb\xbf':
                enc = 'utf-8'
                raw = self._raw = raw[3:]
            elif raw[:2] in (b'\xff\xfe', b'\xfe\xff', b'<\x00', b'\x00<'):
                enc = {b'\xff': 'utf-16-le', b'\xfe': 'utf-16-be', b'<': 'utf-16-le',
                       b'\x00': 'utf-16-be'}[raw[:1]]
                if raw[:1] in b'\xff\xfe':
                    raw = self._raw = raw[2:]
            elif not final and len(raw) < 3 and b'\xef\xbb\xbf'.startswith(raw) and raw:
                return False
            else:
                enc = _declared_encoding(raw)
                if enc is False:
                    if not final and len(raw) < 1024:
                        return False
                    enc = None
                if enc is not None:
                    low = enc.lower()
                    if low in ('utf-16', 'utf16'):
                        enc = 'utf-8'
                if enc is None:
                    enc = 'utf-8'
        self._decode = self._decoder_for(enc)
        self._convert = enc.lower().replace('_', '-') not in ('utf-8', 'utf8', 'us-ascii',
                                                              'ascii')
        return True

    def _decoder_for(self, enc):
        import codecs
        low = enc.lower().replace('_', '-')
        name = _NATIVE.get(low)
        if name is None and low not in ('utf-16-le', 'utf-16-be', 'utf-16le', 'utf-16be'):
            # Through the registry (a charmap codec of Lib/encodings, which bytes.decode may
            # not know natively).
            table = codecs.lookup(enc).decode(bytes(range(256)), 'replace')[0]
            if len(table) != 256:
                raise ValueError('multi-byte encodings are not supported')
            self._table = {i: ord(c) for i, c in enumerate(table) if c != chr(i)}
            return self._table_decoder
        if (name or low).startswith('utf-16'):
            big = low in ('utf-16-be', 'utf-16be')
            pending = [b'']

            def decode16(raw, final):
                text, used = _decode_utf16(pending[0] + raw, big)
                pending[0] = (pending[0] + raw)[used:]
                if final and pending[0]:
                    self._bad_input = True
                return text
            return decode16
        dec = codecs.getincrementaldecoder(name or low)()
        self._idec = dec

        def decode(raw, final):
            try:
                return dec.decode(raw, final)
            except UnicodeDecodeError as e:
                good = raw[:e.start].decode(name or low, 'ignore')
                self._bad_input = True
                return good
        return decode

    def _table_decoder(self, raw, final):
        return raw.decode('latin-1').translate(self._table)

    # ---- the tokens ---------------------------------------------------------------------------

    def _run(self, final):
        text = self._text
        toks, nch, nbytes, self._state, self._depth, line, col = _scan(
            text, final, self._state, self._depth, self._line, self._col)
        base = self._byte
        self._text = text[nch:]
        self._line, self._col, self._byte = line, col, base + nbytes
        self._process(toks, text, base)
        self._cur = (line, col, base + nbytes)
        if getattr(self, '_bad_input', False):
            self._stop(4)
        if final:
            if self._external:
                return
            if not self._root_done:
                self._stop(3)

    def _stop(self, code, pos=None):
        if pos is None:
            pos = self._cur
        raise _Stop(code, pos[0], pos[1], pos[2])

    def _raise(self, code):
        line, col, byte = self._cur
        err = ExpatError('%s: line %d, column %d' % (_MESSAGES[code], line, col))
        err.code = code
        err.lineno = line
        err.offset = col
        raise err

    def _flush(self):
        if self._buf:
            data = ''.join(self._buf)
            self._buf = []
            self._buf_len = 0
            h = self.CharacterDataHandler
            if h is not None:
                h(data)

    def _default(self, text):
        h = self.DefaultHandlerExpand
        if h is None:
            h = self.DefaultHandler
        if h is not None and text:
            self._flush()
            h(text)

    def _chardata(self, s, raw):
        h = self.CharacterDataHandler
        if h is None:
            self._default(raw)
            return
        if self._convert and len(s) > 256:
            # expat hands text converted from another encoding over in pieces of at most
            # 1024 UTF-8 bytes (its conversion buffer).
            pieces = _utf8_pieces(s, 1024)
            if len(pieces) > 1:
                for piece in pieces:
                    self._chardata(piece, piece)
                return
        if self.buffer_text:
            n = len(s) if s.isascii() else len(s.encode('utf-8'))
            if self._buf_len + n > self._buffer_size:
                self._flush()
                if n > self._buffer_size:
                    h(s)
                    return
            self._buf.append(s)
            self._buf_len += n
        else:
            h(s)

    def _process(self, toks, text, base):
        ent = self._ent_pos
        for t in toks:
            kind = t[0]
            if ent is None:
                self._cur = pos = (t[1], t[2], base + t[3])
            else:
                pos = ent
            if kind == _TEXT:
                self._chardata(t[6], text[t[4]:t[5]])
            elif kind == _START:
                self._start(t, text, pos)
            elif kind == _END:
                self._end(t, text, pos)
            elif kind == _WS:
                self._default(t[6])
            elif kind == _REF:
                self._reference(t[6], pos)
            elif kind == _COMMENT:
                h = self.CommentHandler
                if h is not None:
                    self._flush()
                    h(t[6])
                else:
                    self._default(text[t[4]:t[5]])
            elif kind == _PI:
                self._pi(t, text, pos)
            elif kind == _CDATA:
                h = self.StartCdataSectionHandler
                if h is not None:
                    self._flush()
                    h()
                at = _advance(pos, '<![CDATA[')
                for i, piece in enumerate(t[6].split('\n')):
                    if i:
                        if ent is None:
                            self._cur = at
                        self._chardata('\n', '\n')
                        at = _advance(at, '\n')
                    if piece:
                        if ent is None:
                            self._cur = at
                        self._chardata(piece, piece)
                        at = _advance(at, piece)
                h = self.EndCdataSectionHandler
                if h is not None:
                    if ent is None:
                        self._cur = at
                    self._flush()
                    h()
            elif kind == _DOCTYPE:
                self._doctype(t, text, base, pos)
            elif kind == _ERROR:
                self._stop(t[6], pos)

    def _pi(self, t, text, pos):
        target = t[6]
        if target.lower() == 'xml':
            if self._root_done and not self._stack:
                self._stop(9, pos)
            if target != 'xml' or pos[2] != 0 or self._open_entities or self._doc_started():
                self._stop(17 if target == 'xml' else 4, pos)
            decl = _xml_decl(t[7])
            if decl is None:
                self._stop(30, pos)
            if decl[2] == 1:
                self._standalone = True
            h = self.XmlDeclHandler
            if h is not None:
                self._flush()
                h(*decl)
            else:
                self._default(text[t[4]:t[5]])
            return
        h = self.ProcessingInstructionHandler
        if h is not None:
            self._flush()
            h(target, t[7])
        else:
            self._default(text[t[4]:t[5]])

    def _doc_started(self):
        return self._stack or self._root_done or self._doctype_seen

    def _name(self, name, pos, is_attr):
        """A name with namespace processing applied."""
        prefix, colon, local = name.partition(':')
        if not colon:
            if is_attr:
                return name
            uris = self._bindings.get(None)
            if not uris or uris[-1] is None:
                return name
            return uris[-1] + self._sep + name
        uris = self._bindings.get(prefix)
        if not uris or uris[-1] is None:
            self._stop(27, pos)
        if self.namespace_prefixes:
            return uris[-1] + self._sep + local + self._sep + prefix
        return uris[-1] + self._sep + local

    def _start(self, t, text, pos):
        if self._root_done and not self._stack and not self._external:
            self._stop(9, pos)
        name, attrs, empty = t[6], t[7], t[8]
        if (self._foreign_dtd and not self._doctype_seen and not self._stack
                and not self._root_done):
            self._doctype_seen = True
            h = self.ExternalEntityRefHandler
            if h is not None and self._param_parsing:
                self._flush()
                if not h(None, self._base, None, None):
                    self._stop(21, pos)
        for i in range(1, len(attrs), 2):
            v = attrs[i]
            if type(v) is list:
                attrs[i] = self._resolve_attr(v, pos, ())
        tokenized = self._tokenized.get(name)
        if tokenized:
            # Declared non-CDATA: spaces collapsed and stripped.
            for i in range(0, len(attrs), 2):
                if attrs[i] in tokenized:
                    attrs[i + 1] = ' '.join(p for p in attrs[i + 1].split(' ') if p)
        defaults = self._attdefaults.get(name)
        if defaults and not self.specified_attributes:
            present = attrs[0::2]
            for an, dv in defaults:
                if an not in present:
                    attrs.append(an)
                    attrs.append(dv)
        self._stack.append(name)
        if self._sep is not None:
            name, attrs = self._start_ns(name, attrs, pos)
        h = self.StartElementHandler
        if h is not None:
            self._flush()
            if not self.ordered_attributes:
                attrs = dict(zip(attrs[0::2], attrs[1::2]))
            h(name, attrs)
        else:
            self._default(text[t[4]:t[5]])
        if empty:
            if self._ent_pos is None:
                self._cur = _advance(pos, text[t[4]:t[5]])
            self._end_element(name)
            if not self._stack and not self._open_entities:
                self._root_done = True

    def _start_ns(self, name, attrs, pos):
        decls = []
        plain = []
        for i in range(0, len(attrs), 2):
            an, v = attrs[i], attrs[i + 1]
            if an == 'xmlns':
                decls.append((None, v or None))
            elif an.startswith('xmlns:'):
                prefix = an[6:]
                if not v:
                    self._stop(28, pos)
                if prefix == 'xmlns':
                    self._stop(39, pos)
                if (prefix == 'xml') != (v == _XML_NS):
                    self._stop(38 if prefix == 'xml' else 40, pos)
                decls.append((prefix, v))
            else:
                plain.append(an)
                plain.append(v)
        for prefix, uri in decls:
            # expat (2.4.5 on) refuses a namespace name holding the separator.
            if uri and self._sep and self._sep in uri:
                self._stop(2, pos)
        self._ns_scopes.append(decls)
        for prefix, uri in decls:
            self._bindings.setdefault(prefix, []).append(uri)
        h = self.StartNamespaceDeclHandler
        if h is not None:
            for prefix, uri in decls:
                self._flush()
                h(prefix, uri)
        name = self._name(name, pos, False)
        for i in range(0, len(plain), 2):
            plain[i] = self._name(plain[i], pos, True)
        return name, plain

    def _end_element(self, name):
        self._stack.pop()
        h = self.EndElementHandler
        if h is not None:
            self._flush()
            h(name)
        if self._sep is not None:
            decls = self._ns_scopes.pop()
            h = self.EndNamespaceDeclHandler
            for prefix, uri in reversed(decls):
                self._bindings[prefix].pop()
                if h is not None:
                    self._flush()
                    h(prefix)

    def _end(self, t, text, pos):
        name = t[6]
        if not self._stack:
            self._stop(9 if self._root_done else 2, pos)
        if len(self._stack) <= self._ent_depth():
            self._stop(13, pos)
        if self._stack[-1] != name:
            self._stop(7, (pos[0], pos[1] + 2, pos[2] + 2) if self._ent_pos is None else pos)
        if self._sep is not None:
            name = self._name(name, pos, False)
        if self.EndElementHandler is None:
            self._default(text[t[4]:t[5]])
        self._end_element(name)
        if not self._stack and not self._open_entities:
            self._root_done = True

    def _ent_depth(self):
        return self._ent_depths[-1] if self._open_entities else 0

    def _undefined(self, name, pos):
        """An undeclared entity: an error unless the DTD has parts not read."""
        if not self._has_ext_refs or self._standalone:
            self._stop(11, pos)

    def _reference(self, name, pos):
        ent = self._entities.get(name)
        if ent is None:
            self._undefined(name, pos)
            h = self.SkippedEntityHandler
            if h is not None:
                self._flush()
                h(name, False)
            else:
                self._default('&%s;' % name)
            return
        value, sysid, pubid, notation = ent
        if value is None:
            if notation is not None:
                self._stop(15, pos)
            h = self.ExternalEntityRefHandler
            if h is not None:
                self._flush()
                if not h(name, self._base, sysid, pubid):
                    self._stop(21, pos)
            else:
                self._default('&%s;' % name)
            return
        if self.DefaultHandler is not None and self.DefaultHandlerExpand is None:
            self._default('&%s;' % name)
            return
        if name in self._open_entities:
            self._stop(12, pos)
        toks = _scan(value, True, 1, 1, 1, 0)[0]
        if not hasattr(self, '_ent_depths'):
            self._ent_depths = []
        self._open_entities.append(name)
        self._ent_depths.append(len(self._stack))
        saved = self._ent_pos
        self._ent_pos = pos
        try:
            self._process(toks, value, 0)
            if len(self._stack) != self._ent_depths[-1]:
                self._stop(13, pos)
        finally:
            self._ent_pos = saved
            self._open_entities.pop()
            self._ent_depths.pop()

    def _resolve_attr(self, parts, pos, seen):
        out = []
        for p in parts:
            if type(p) is not tuple:
                out.append(p)
                continue
            n = p[0]
            ent = self._entities.get(n)
            if ent is None:
                self._undefined(n, pos)
                continue
            if ent[0] is None:
                self._stop(16, pos)
            if n in seen:
                self._stop(12, pos)
            v = _attr_value(ent[0])
            if type(v) is int:
                self._stop(v, pos)
            if type(v) is list:
                v = self._resolve_attr(v, pos, seen + (n,))
            out.append(v)
        return ''.join(out)

    def _doctype(self, t, text, base, pos):
        if self._doc_started():
            self._stop(2, pos)
        self._doctype_seen = True
        name, sysid, pubid, subset, head, decls, tail = t[6:13]
        if sysid is not None:
            self._has_ext_refs = True
            self._not_standalone(pos)
        h = self.StartDoctypeDeclHandler
        if h is not None:
            self._flush()
            h(name, sysid, pubid, int(subset))
        else:
            for piece in head:
                self._default(piece)
        for d in decls:
            self._cur = dpos = (d[1], d[2], base + d[3])
            self._decl(d, text, dpos)
        if (sysid is not None and self._param_parsing
                and self.ExternalEntityRefHandler is not None):
            self._flush()
            if not self.ExternalEntityRefHandler(None, self._base, sysid, pubid):
                self._stop(21, pos)
        elif self._foreign_dtd and self.ExternalEntityRefHandler is not None:
            self._flush()
            self.ExternalEntityRefHandler(None, self._base, None, None)
        h = self.EndDoctypeDeclHandler
        if h is not None:
            self._flush()
            h()
        else:
            for piece in tail:
                self._default(piece)

    def _not_standalone(self, pos):
        h = self.NotStandaloneHandler
        if h is not None and not self._standalone:
            self._flush()
            if not h():
                self._stop(22, pos)

    def _decl(self, d, text, pos):
        kind = d[0]
        raw = text[d[4]:d[5]]
        if kind == _ENTITY:
            name, pe, value, sysid, pubid, notation = d[6:12]
            if not self._keep_decls:
                return
            table = self._pentities if pe else self._entities
            if name in table:
                return
            table[name] = (value, sysid, pubid, notation)
            h = self.EntityDeclHandler
            if notation is not None and self.UnparsedEntityDeclHandler is not None:
                self._flush()
                self.UnparsedEntityDeclHandler(name, self._base, sysid, pubid, notation)
            elif h is not None:
                self._flush()
                h(name, int(pe), value, self._base, sysid, pubid, notation)
            else:
                self._default(raw)
        elif kind == _ELEMENT:
            h = self.ElementDeclHandler
            if h is not None:
                self._flush()
                h(d[6], _parse_model(d[7]))
            else:
                self._default(raw)
        elif kind == _ATTLIST:
            el = d[6]
            h = self.AttlistDeclHandler
            for an, ty, default, required in d[7]:
                if ty != 'CDATA' and self._keep_decls:
                    self._tokenized.setdefault(el, set()).add(an)
                if default is not None and self._keep_decls:
                    v = _attr_value(default)
                    if type(v) is int:
                        self._stop(v, pos)
                    if type(v) is list:
                        v = self._resolve_attr(v, pos, ())
                    default = v
                    defs = self._attdefaults.setdefault(el, [])
                    if an not in [a for a, _ in defs]:
                        defs.append((an, v))
                if h is not None:
                    self._flush()
                    h(el, an, ty, default, int(required))
            if h is None:
                self._default(raw)
        elif kind == _NOTATION:
            h = self.NotationDeclHandler
            if h is not None:
                self._flush()
                h(d[6], self._base, d[7], d[8])
            else:
                self._default(raw)
        elif kind == _PEREF:
            self._has_ext_refs = True
            self._not_standalone(pos)
            if not self._standalone:
                self._keep_decls = False
            self._default(raw)
        elif kind == _COMMENT:
            h = self.CommentHandler
            if h is not None:
                self._flush()
                h(d[6])
            else:
                self._default(raw)
        elif kind == _PI:
            self._pi(d, text, pos)

    def __repr__(self):
        return '<pyexpat.xmlparser object at %#x>' % id(self)


xmlparser.__module__ = 'pyexpat'
XMLParserType = xmlparser


def ParserCreate(encoding=None, namespace_separator=None, intern=None):
    """Return a new XML parser object."""
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s"
                        % type(encoding).__name__)
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str or "
                            "None, not %s" % type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError('namespace_separator must be at most one character, omitted, '
                             'or None')
    if intern is None:
        intern = {}
    elif not isinstance(intern, dict):
        raise TypeError('intern must be a dictionary')
    return xmlparser(_NOT_CREATABLE, encoding, namespace_separator, intern)
