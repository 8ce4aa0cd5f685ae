package cn.perf.reports.xlsx;

import javax.xml.transform.TransformerFactory;

/**
 * Names the JDK's own XSLT {@link TransformerFactory} in the system property
 * {@code javax.xml.transform.TransformerFactory}, unless the operator has named one there already.
 *
 * <p>Why: POI asks {@code TransformerFactory.newInstance()} for a new factory for every part of every workbook it
 * writes. Without the property that call searches the class path for a provider (a {@code ServiceLoader} scan), which
 * in the application's nested jar opens the entries of its 150 libraries every time: a JFR profile of the finance
 * bureau's 10,000-row {@code summary.xlsx} put 22 % of the request's CPU there (docs/performance.md). No library on the
 * class path provides another factory, so the search always ends at the JDK's default, which is what the property
 * now names: the same factory, without the search.
 */
final class XmlTransformers {

    static final String PROPERTY = TransformerFactory.class.getName();

    private XmlTransformers() {
    }

    /** Names the JDK's default factory in the property, unless one is named there already. */
    static void preferJdkDefault() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, TransformerFactory.newDefaultInstance().getClass().getName());
        }
    }
}
