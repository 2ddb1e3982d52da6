/**
 * crmkit scoring: customer summaries, RFM, ABC analysis, lifetime value and the
 * probabilistic buy-till-you-die models.
 */
@SuppressWarnings("requires-automatic") // Hipparchus 3.1 ships no module descriptor
module org.crmkit.scoring {
    requires transitive org.crmkit.core;
    requires com.google.common;
    requires org.slf4j;
    requires hipparchus.core;
}
