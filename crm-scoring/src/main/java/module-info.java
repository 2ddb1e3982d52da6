/**
 * crmkit scoring: customer summaries, RFM, ABC analysis, lifetime value and the
 * probabilistic buy-till-you-die models.
 */
module org.crmkit.scoring {
    requires transitive org.crmkit.core;
    requires com.google.common;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports org.crmkit.scoring.summary;
    exports org.crmkit.scoring.rfm;
    exports org.crmkit.scoring.concentration;
    exports org.crmkit.scoring.value;
}
