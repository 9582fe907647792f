package nl.kindplan.hub.delivery;

/** Who is told of a case (signals.md, 'Who is told'). */
public enum RecipientType {
    /** the samenwerkingsverband passend onderwijs of the child's school: queue kindplan.swv.&lt;code&gt; */
    SWV,
    /** the child's gemeente (leerplicht and jeugdhulp): queue kindplan.gemeente.&lt;code&gt; */
    GEMEENTE
}
