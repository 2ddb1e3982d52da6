package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.store.CustomerQuery;
import org.crmkit.core.store.jdbc.JdbcCustomerStore;
import org.crmkit.core.store.jdbc.UrlDataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 acceptance: erasing customers leaves the BG/NBD and Gamma-Gamma fits on the store's
 * purchases exactly as they were, and afterwards no personal value of an erased customer is in
 * any column of any table of the database.
 */
class ErasureKeepsModelsTest {
    @Test
    void erase_leavesFittedParametersUnchanged_andNoPersonalValueInAnyTable() throws Exception {
        SimulatedPopulation population = PopulationSimulator.builder().customers(400).seed(5).build().simulate();
        String url = "jdbc:h2:mem:erasure;DB_CLOSE_DELAY=-1";
        UrlDataSource ds = UrlDataSource.pooled(url, 4);
        JdbcCustomerStore store = JdbcCustomerStore.builder(ds).clock(population.clock()).build();
        List<Customer> customers = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        population.store().stream(CustomerQuery.all()).forEach(c -> {
            customers.add(c.withVersion(0));
            activities.addAll(population.store().activitiesOf(c.id()));
        });
        store.importAll(customers, activities, "test");
        LocalDate end = LocalDate.ofInstant(PopulationSimulator.END, ZoneOffset.UTC);
        LocalDate calibrationEnd = end.minusMonths(6);
        ValueReport before = ValueReport.of(store, Currency.getInstance("EUR"), calibrationEnd, end, 52, 0.10);

        List<String> personal = new ArrayList<>();
        for (Customer c : customers.subList(0, 100)) {
            c.person().map(PersonProfile::name).ifPresent(n -> personal.add(n.given() + "\",\"family\":\"" + n.family()));
            c.contacts().emails().stream().map(Email::address).forEach(personal::add);
            c.contacts().phones().stream().map(Phone::number).forEach(personal::add);
            store.erase(c.id(), "dpo");
        }
        ValueReport after = ValueReport.of(store, Currency.getInstance("EUR"), calibrationEnd, end, 52, 0.10);

        assertThat(after.purchaseFit().model().parameters()).isEqualTo(before.purchaseFit().model().parameters());
        assertThat(after.spendFit().model().parameters()).isEqualTo(before.spendFit().model().parameters());
        assertThat(after.purchaseFit().logLikelihood()).isEqualTo(before.purchaseFit().logLikelihood());
        assertThat(after.lines()).isEqualTo(before.lines());

        List<String> survivors = new ArrayList<>();
        for (Customer c : customers.subList(100, customers.size())) {
            c.person().map(p -> p.name().given() + "\",\"family\":\"" + p.name().family()).ifPresent(survivors::add);
            c.contacts().emails().stream().map(Email::address).forEach(survivors::add);
            c.contacts().phones().stream().map(Phone::number).forEach(survivors::add);
        }
        personal.removeAll(survivors); // a value a kept customer shares is not an erased customer's alone
        assertThat(personal).hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "CRM_%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("CRM_CUSTOMER", "CRM_ACTIVITY", "CRM_AUDIT", "CRM_OUTBOX", "CRM_CUSTOMER_KEY");
            for (String table : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String value = rs.getString(i);
                            if (value == null) {
                                continue;
                            }
                            for (String p : personal) {
                                if (value.contains(p)) {
                                    found.add(table + "." + md.getColumnName(i) + " holds an erased value");
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
