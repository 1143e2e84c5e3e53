# pyexpat: handlers, positions, incremental parsing, namespaces, entities, DTD declarations,
# encodings and expat's errors (code, line, column, message).
import pyexpat
from xml.parsers import expat


def trace(p, names, show_pos=True):
    out = []

    def make(name):
        def h(*args):
            if show_pos:
                out.append((name, args, p.CurrentLineNumber, p.CurrentColumnNumber))
            else:
                out.append((name, args))
            if name == 'ExternalEntityRefHandler':
                return 1
        return h

    for n in names:
        setattr(p, n, make(n))
    return out


ALL = ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler',
       'ProcessingInstructionHandler', 'CommentHandler', 'StartNamespaceDeclHandler',
       'EndNamespaceDeclHandler', 'XmlDeclHandler', 'StartCdataSectionHandler',
       'EndCdataSectionHandler', 'SkippedEntityHandler']

print(pyexpat.version_info, pyexpat.EXPAT_VERSION, pyexpat.native_encoding)
print(pyexpat.ErrorString(2), pyexpat.ErrorString(9), pyexpat.errors.XML_ERROR_TAG_MISMATCH)
print(pyexpat.errors.codes['mismatched tag'], pyexpat.errors.messages[11])
print(pyexpat.model.XML_CTYPE_SEQ, pyexpat.model.XML_CQUANT_PLUS)
print(expat.ExpatError is pyexpat.error, expat.ExpatError.__module__)

# Handlers and positions.
doc = b'''<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<!-- first -->
<root a="1" b='two &amp; &#65;'>
  text &lt;here&gt;<child/>tail<?pi some data?>
  <![CDATA[raw <data>]]>\xc3\xa9
</root>
'''
p = pyexpat.ParserCreate()
out = trace(p, ALL)
print(p.Parse(doc, True))
for e in out:
    print(e)

# buffer_text joins character data; ordered_attributes gives a list.
p = pyexpat.ParserCreate()
p.buffer_text = True
p.ordered_attributes = True
out = trace(p, ['StartElementHandler', 'CharacterDataHandler'], False)
p.Parse('<a x="1" y="2">one\ntwo&amp;three</a>', True)
print(out, p.buffer_text, p.buffer_size, p.ordered_attributes)

# Incremental parsing: handlers fire as constructs complete.
p = pyexpat.ParserCreate()
out = trace(p, ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler'], False)
for chunk in [b'<ro', b'ot><ite', b'm n="1"', b'/>te', b'xt</r', b'oot>']:
    p.Parse(chunk, False)
    print(repr(chunk), out)
    del out[:]
p.Parse(b'', True)

# Namespaces.
p = pyexpat.ParserCreate(namespace_separator='}')
out = trace(p, ['StartElementHandler', 'EndElementHandler', 'StartNamespaceDeclHandler',
                'EndNamespaceDeclHandler'], False)
p.Parse('<r xmlns="urn:d" xmlns:p="urn:p"><p:c p:x="1" y="2"/><d/></r>', True)
for e in out:
    print(e)
p = pyexpat.ParserCreate(namespace_separator=' ')
p.namespace_prefixes = True
out = trace(p, ['StartElementHandler'], False)
p.Parse('<p:r xmlns:p="urn:p"/>', True)
print(out)

# DTD: doctype, entities (internal expanded), element/attlist/notation declarations.
p = pyexpat.ParserCreate()
out = trace(p, ['StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
                'ElementDeclHandler', 'AttlistDeclHandler', 'NotationDeclHandler',
                'StartElementHandler', 'CharacterDataHandler'], False)
p.Parse('''<!DOCTYPE r [
<!ENTITY e "ent&#66;">
<!ENTITY ext SYSTEM "ext.xml">
<!ELEMENT r (a,(b|c)*,d?)>
<!ELEMENT m (#PCDATA|a)*>
<!ELEMENT x EMPTY>
<!ATTLIST r k CDATA "dflt" t (u|v) #REQUIRED f CDATA #FIXED "fx">
<!NOTATION n PUBLIC "pub">
]>
<r a="&e;">&e;</r>''', True)
for e in out:
    print(e)

# The default handler sees what no other handler takes.
p = pyexpat.ParserCreate()
out = trace(p, ['DefaultHandlerExpand', 'StartElementHandler'], False)
p.Parse('<!DOCTYPE r PUBLIC "-//x//y" "r.dtd"><r>&e;</r>', True)
print(out)

# Encodings.
for enc in ['utf-8', 'iso-8859-1', 'us-ascii', 'utf-16']:
    src = '<?xml version="1.0" encoding="%s"?><r>caf\xe9</r>' % enc
    if enc == 'us-ascii':
        src = src.replace('\xe9', 'e')
    if enc == 'utf-16':
        # Little-endian with a byte order mark, built by hand.
        data = b'\xff\xfe' + b''.join(bytes([ord(c), 0]) for c in src)
    else:
        data = src.encode(enc)
    p = pyexpat.ParserCreate()
    out = trace(p, ['CharacterDataHandler'], False)
    p.Parse(data, True)
    print(enc, out)

# Errors.
bad = ['foo', '<tag>&foo;</tag>', 'foobar<', '<a>', '<a></b>', '<a/><b/>', '<a/>x', '',
       '<a x="1" x="2"/>', '<a b=1/>', '<a><!-- x -- y--></a>', '<a>&#0;</a>', '<a>]]></a>',
       '<a>&#x110000;</a>', '<?xml version="1.0"?><?xml version="1.0"?><a/>',
       ' <?xml version="1.0"?><a/>', '<a>&lt', '<a', '<a><!DOCTYPE a></a>',
       '<!DOCTYPE a><!DOCTYPE a><a/>', '<!DOCTYPE a [<!ENTITY e "<b>">]><a>&e;</a>',
       '<!DOCTYPE a [<!ENTITY e "&e;">]><a>&e;</a>', '<a>x<', '<a\tb="<"/>',
       '<a>\n  <b>\n</a>', '<a>\x01</a>']
for s in bad:
    p = pyexpat.ParserCreate()
    try:
        p.Parse(s.encode(), True)
        print(repr(s), 'parsed')
    except expat.ExpatError as e:
        print(repr(s), '->', e, e.code, e.lineno, e.offset, p.ErrorCode, p.ErrorLineNumber)
for s in ['<p:a/>', '<a xmlns:p=""/>']:
    p = pyexpat.ParserCreate(namespace_separator='}')
    try:
        p.Parse(s, True)
    except expat.ExpatError as e:
        print(repr(s), '->', e)

# After the final chunk, or after an error, parsing again fails.
p = pyexpat.ParserCreate()
p.Parse('<a/>', True)
try:
    p.Parse('<b/>', True)
except expat.ExpatError as e:
    print('again:', e)
try:
    pyexpat.ParserCreate(namespace_separator='ab')
except ValueError as e:
    print('ValueError:', e)
