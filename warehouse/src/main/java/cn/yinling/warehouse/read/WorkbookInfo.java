package cn.yinling.warehouse.read;

import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** What the workbook part says about the sheets: the relation id of the first visible sheet, and the date system. */
record WorkbookInfo(String firstVisibleSheetId, boolean date1904) {

    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String STRICT_RELATIONSHIPS_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    static WorkbookInfo read(InputStream workbookXml) throws XMLStreamException {
        XMLStreamReader xml = XlsxRowSource.xmlInputFactory().createXMLStreamReader(workbookXml);
        try {
            String first = null;
            boolean date1904 = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && "sheets".equals(xml.getLocalName())) {
                    break; // workbookPr comes before sheets in the schema; the rest is of no interest
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if ("workbookPr".equals(name)) {
                    String v = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                } else if ("sheet".equals(name) && first == null) {
                    String state = xml.getAttributeValue(null, "state");
                    if (state == null || "visible".equals(state)) {
                        String id = xml.getAttributeValue(RELATIONSHIPS_NS, "id");
                        if (id == null) {
                            id = xml.getAttributeValue(STRICT_RELATIONSHIPS_NS, "id");
                        }
                        first = id;
                    }
                }
            }
            return new WorkbookInfo(first, date1904);
        } finally {
            xml.close();
        }
    }
}
