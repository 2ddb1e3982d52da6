/**
 * crmkit core: the customer model, activities, ownership, merge of duplicates,
 * segmentation rules, lifecycle state machines and JSON round-trip.
 */
module org.crmkit.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.google.common;
    requires org.slf4j;

    exports org.crmkit.core.segment;
}
