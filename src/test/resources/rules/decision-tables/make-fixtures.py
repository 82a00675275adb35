#!/usr/bin/env python3
"""Writes the decision-table fixtures as flat OpenDocument spreadsheets (.fods) the way an analyst would type them
in LibreOffice Calc: weights formatted as percentages, a formula, number formats, an extra notes sheet, a hidden
sheet with last year's table, a cell typed wrong. make-fixtures.sh then lets LibreOffice itself save each as .xlsx."""
import sys
from xml.sax.saxutils import escape

HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views">
  <config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item>
   <config:config-item config:name="ActiveTable" config:type="string">@ACTIVE@</config:config-item>
  </config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings>
 <office:automatic-styles>
  <number:percentage-style style:name="N0pct"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <number:percentage-style style:name="N0pctsp"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text> %</number:text></number:percentage-style>
  <number:number-style style:name="N1dec"><number:number number:decimal-places="1" number:min-integer-digits="1"/></number:number-style>
  <number:number-style style:name="N2dec"><number:number number:decimal-places="2" number:min-integer-digits="1"/></number:number-style>
  <style:style style:name="pct" style:family="table-cell" style:data-style-name="N0pct"/>
  <style:style style:name="pctsp" style:family="table-cell" style:data-style-name="N0pctsp"/>
  <style:style style:name="dec1" style:family="table-cell" style:data-style-name="N1dec"/>
  <style:style style:name="dec2" style:family="table-cell" style:data-style-name="N2dec"/>
  <style:style style:name="shown" style:family="table"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style>
 </office:automatic-styles>
 <office:body><office:spreadsheet>
'''
TAIL = ''' </office:spreadsheet></office:body></office:document>
'''

IMPORTS = "java.math.BigDecimal, org.promiseledger.scoring.Role, org.promiseledger.scoring.ComponentWeight, org.promiseledger.scoring.PayoutCap"
CODE = ['name == "$param"'] + ['insert(new ComponentWeight($role.name(), "%s", new BigDecimal("$param")));' % c
                               for c in ("COMPANY_CX", "DEPARTMENT_CX", "SUBTREE_CX", "INDIVIDUAL")] \
       + ['insert(new PayoutCap($role.name(), new BigDecimal("$param")));']
LABELS = ["Rule (quoted on scorecards)", "Role", "Company CX weight", "Own department CX weight", "Own subtree CX weight",
          "Individual weight", "Payout cap (x target bonus)"]
NAMES = {"EXECUTIVE": "Executives are paid on the company, their subtree and their own results",
         "MANAGER": "Managers are paid on the company, their department and their own results",
         "STAFF": "Staff are paid on the company, their department and their own results"}


def text(value):
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(value)


def empty():
    return '<table:table-cell/>'


def cell(value):
    """A data cell: None empty, str text, or a tuple (kind, value[, style[, formula]])."""
    if value is None:
        return empty()
    if isinstance(value, str):
        return text(value)
    kind, number = value[0], value[1]
    style = value[2] if len(value) > 2 else None
    formula = value[3] if len(value) > 3 else None
    attrs = ['office:value-type="%s"' % kind, 'office:value="%s"' % number]
    if style:
        attrs.append('table:style-name="%s"' % style)
    if formula:
        attrs.append('table:formula="%s"' % escape(formula, {'"': '&quot;'}))
    return '<table:table-cell %s/>' % ' '.join(attrs)


def row(cells):
    return '<table:table-row>%s</table:table-row>\n' % ''.join(cell(c) for c in cells)


def role_sheet(name, data, hidden=False, table_name="Scorecard weights by role"):
    rows = [["RuleSet", "org.promiseledger.plan"], ["Import", IMPORTS],
            ["Notes", "SCORECARD WEIGHTS BY ROLE, typed in LibreOffice with percentages."], [],
            ["RuleTable " + table_name], ["NAME", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION"],
            [None, "$role : Role"], [None] + CODE, LABELS]
    rows += data
    body = ''.join(row(r) for r in rows)
    return '<table:table table:name="%s" table:style-name="%s">\n%s</table:table>\n' % (
        escape(name), "hidden" if hidden else "shown", body)


def notes_sheet():
    body = row(["Changes this quarter"]) + row(["Weights are typed as percentages; individual = 100 % minus the rest."])
    return '<table:table table:name="Notes" table:style-name="shown">\n%s</table:table>\n' % body


def pct(v, style="pct"):
    return ("percentage", v, style)


def shipped_in_percent():
    """The shipped weights, typed the way an analyst does: 50%, 30 %, a formula for the last weight, caps 2.0."""
    return [
        [NAMES["EXECUTIVE"], "EXECUTIVE", pct("0.5"), None, pct("0.3", "pctsp"),
         ("percentage", "0.2", "pct", "of:=1-[.C10]-[.E10]"), ("float", "2", "dec1")],
        [NAMES["MANAGER"], "MANAGER", pct("0.3"), pct("0.4"), None, ("percentage", "0.3", "pct", "of:=1-[.C11]-[.D11]"),
         ("float", "1.5", "dec2")],
        [NAMES["STAFF"], "STAFF", pct("0.2"), pct("0.3", "pctsp"), None, pct("0.5"), ("float", "1.5", "dec1")],
    ]


def last_year():
    return [
        [NAMES["EXECUTIVE"], "EXECUTIVE", ("float", "0.9"), None, None, ("float", "0.1"), ("float", "3")],
        [NAMES["MANAGER"], "MANAGER", ("float", "0.9"), None, None, ("float", "0.1"), ("float", "3")],
        [NAMES["STAFF"], "STAFF", ("float", "0.9"), None, None, ("float", "0.1"), ("float", "3")],
    ]


def typo():
    data = shipped_in_percent()
    data[2][5] = "fifty %"  # STAFF individual weight typed as words: cell F12
    return data


FIXTURES = {
    # the shipped plan typed with percentages, formulas and number formats, plus a notes sheet
    "percent-role-weights": [role_sheet("Role weights", shipped_in_percent()), notes_sheet()],
    # last year's table left on a hidden sheet (LibreOffice never hides the sheet it opens on, the first one here;
    # the test moves the hidden sheet first itself)
    "hidden-role-weights": [role_sheet("Role weights", shipped_in_percent()),
                            role_sheet("Last year", last_year(), hidden=True, table_name="Last year's weights")],
    # a weight typed as words
    "typo-role-weights": [role_sheet("Role weights", typo())],
}

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    for name, sheets in FIXTURES.items():
        with open("%s/%s.fods" % (out, name), "w", encoding="utf-8") as f:
            active = sheets[0].split('table:name="', 1)[1].split('"', 1)[0]
            f.write(HEAD.replace("@ACTIVE@", escape(active)) + ''.join(sheets) + TAIL)
