# xml.etree.ElementTree, xml.dom.minidom, xml.sax and plistlib over pyexpat.
import io
import plistlib
import xml.dom.minidom
import xml.sax
import xml.etree.ElementTree as ET

doc = '''<?xml version="1.0"?>
<!DOCTYPE catalog PUBLIC "-//cat//EN" "catalog.dtd">
<catalog xmlns="urn:cat" xmlns:x="urn:x">
  <book id="b1" x:lang="en"><title>One &amp; Two</title><price>10</price></book>
  <book id="b2"><title>Three</title><!-- note --><?proc data?></book>
</catalog>'''
root = ET.fromstring(doc)
print(root.tag, [b.attrib for b in root])
print([t.text for t in root.iter('{urn:cat}title')])
print(root.find('{urn:cat}book/{urn:cat}price').text)
print(ET.tostring(root, encoding='unicode'))

# XMLParser with a target that records everything.
class Target:
    def __init__(self):
        self.events = []
    def start(self, tag, attrib):
        self.events.append(('start', tag, sorted(attrib.items())))
    def end(self, tag):
        self.events.append(('end', tag))
    def data(self, data):
        # (CPython's C XMLParser does not buffer text: join the pieces.)
        if self.events and self.events[-1][0] == 'data':
            data = self.events.pop()[1] + data
        self.events.append(('data', data))
    def comment(self, text):
        self.events.append(('comment', text))
    def pi(self, target, data):
        self.events.append(('pi', target, data))
    def doctype(self, name, pubid, system):
        self.events.append(('doctype', name, pubid, system))
    def close(self):
        return self.events

parser = ET.XMLParser(target=Target())
parser.feed(doc)
for e in parser.close():
    print(e)

# Incremental pull parsing.
pull = ET.XMLPullParser(events=('start', 'end', 'start-ns', 'end-ns', 'comment', 'pi'))
for chunk in ['<a xmlns="u', 'rn:a"><b>te', 'xt</b><!-- c', ' --><c/>', '</a>']:
    pull.feed(chunk)
    print(repr(chunk), [(ev, el if ev.endswith('-ns') else el.tag if ev != 'comment' else el.text)
                        for ev, el in pull.read_events()])
pull.close()

# iterparse over a file object.
for ev, el in ET.iterparse(io.BytesIO(b'<r><i n="1"/><i n="2"/></r>'), events=('start', 'end')):
    print(ev, el.tag, el.attrib)

# Errors.
for bad in ['<a>', '<a></b>', '<a>&undefined;</a>', '<a/>junk', 'text']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), e, e.code, e.position)

# minidom.
dom = xml.dom.minidom.parseString('<r a="1"><c>t</c><!--x--><d/></r>')
print(dom.documentElement.tagName, dom.documentElement.getAttribute('a'))
print(dom.toxml())
print([n.nodeType for n in dom.documentElement.childNodes])

# sax.
class H(xml.sax.ContentHandler):
    def startElement(self, name, attrs):
        print('sax start', name, dict(attrs))
    def endElement(self, name):
        print('sax end', name)
    def characters(self, content):
        print('sax chars', repr(content))
xml.sax.parseString(b'<r x="1">hi<s/></r>', H())

# plistlib (XML plists).
data = plistlib.dumps({'a': [1, 2.5, True], 'b': 'text', 'c': {'d': b'\x00\x01'}})
print(plistlib.loads(data))
