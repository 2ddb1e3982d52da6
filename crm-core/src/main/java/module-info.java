/**
 * crmkit core: the customer model, activities, ownership, merge of duplicates,
 * segmentation rules, lifecycle state machines and JSON round-trip.
 */
module org.crmkit.core {
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports org.crmkit.core.money;
    exports org.crmkit.core.customer;
    exports org.crmkit.core.ownership;
    exports org.crmkit.core.activity;
    exports org.crmkit.core.store;
    exports org.crmkit.core.view;
    exports org.crmkit.core.merge;
    exports org.crmkit.core.json;
    exports org.crmkit.core.lifecycle;
    exports org.crmkit.core.segment;
    exports org.crmkit.core.csv;
    exports org.crmkit.core.campaign;

    // Jackson reads and writes the model records reflectively
    opens org.crmkit.core.customer to com.fasterxml.jackson.databind;
    opens org.crmkit.core.ownership to com.fasterxml.jackson.databind;
    opens org.crmkit.core.activity to com.fasterxml.jackson.databind;
    opens org.crmkit.core.merge to com.fasterxml.jackson.databind;
    opens org.crmkit.core.json to com.fasterxml.jackson.databind;
}
