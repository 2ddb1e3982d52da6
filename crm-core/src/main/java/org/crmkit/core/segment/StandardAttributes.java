package org.crmkit.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.FinancialProfile;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.PostalAddress;

/**
 * The standard customer attributes every crmkit segmentation may read: profile fields, facts
 * derived from the customer's history as of a date, and scores supplied by the caller. One table
 * defines each attribute's name, type, description and where its value comes from; the
 * {@link #registry()}, the table below and what {@link CustomerSubject} fills are all read from
 * it (a test keeps this Javadoc equal to it).
 *
 * <table>
 * <caption>standard attributes</caption>
 * <tr><th>name</th><th>type</th><th>filled from</th><th>description</th></tr>
 * <tr><td>kind</td><td>one of person, organization</td><td>customer record</td><td>person or organization</td></tr>
 * <tr><td>age</td><td>number</td><td>customer record</td><td>age in whole years at the as-of date; absent without a birth date</td></tr>
 * <tr><td>gender</td><td>one of female, male, diverse, undisclosed</td><td>customer record</td><td>gender</td></tr>
 * <tr><td>marital_status</td><td>one of single, married, partnered, divorced, widowed</td><td>customer record</td><td>marital status</td></tr>
 * <tr><td>household_size</td><td>number</td><td>customer record</td><td>persons in the household</td></tr>
 * <tr><td>household_structure</td><td>one of single_person, couple, couple_with_children, single_parent, multi_generation, shared</td><td>customer record</td><td>household structure</td></tr>
 * <tr><td>youngest_child_age</td><td>number</td><td>set by the caller</td><td>age in years of the youngest child living at home; absent when none</td></tr>
 * <tr><td>employment_status</td><td>one of employed, self_employed, unemployed, retired, student, homemaker</td><td>customer record</td><td>employment status of the person (the household head)</td></tr>
 * <tr><td>occupation</td><td>string</td><td>customer record</td><td>occupation</td></tr>
 * <tr><td>education</td><td>one of primary, secondary, vocational, bachelor, master, doctorate</td><td>customer record</td><td>highest education</td></tr>
 * <tr><td>income_band</td><td>one of low, lower_middle, middle, upper_middle, high</td><td>customer record</td><td>monthly income band</td></tr>
 * <tr><td>country</td><td>string</td><td>customer record</td><td>ISO 3166 country code of the first postal address</td></tr>
 * <tr><td>region</td><td>string</td><td>customer record</td><td>region code of the first postal address</td></tr>
 * <tr><td>city</td><td>string</td><td>customer record</td><td>city of the first postal address</td></tr>
 * <tr><td>postal_code</td><td>string</td><td>customer record</td><td>postal code of the first postal address</td></tr>
 * <tr><td>area_type</td><td>one of urban, suburban, rural</td><td>customer record</td><td>type of the first postal address's area</td></tr>
 * <tr><td>industry</td><td>string</td><td>customer record</td><td>industry of an organization</td></tr>
 * <tr><td>employees</td><td>number</td><td>customer record</td><td>number of employees of an organization</td></tr>
 * <tr><td>annual_revenue</td><td>number</td><td>customer record</td><td>annual revenue of an organization</td></tr>
 * <tr><td>credit_rating</td><td>string</td><td>customer record</td><td>credit rating, e.g. AAA or BB: the financial profile's, else the organization's</td></tr>
 * <tr><td>email</td><td>string</td><td>customer record</td><td>first e-mail address</td></tr>
 * <tr><td>tags</td><td>string_set</td><td>set by the caller</td><td>free tags</td></tr>
 * <tr><td>tenure_days</td><td>number</td><td>history as of the date</td><td>days from the first purchase to the as-of date; absent before a first purchase</td></tr>
 * <tr><td>first_purchase_date</td><td>date</td><td>history as of the date</td><td>date of the first purchase, else the financial profile's first order date</td></tr>
 * <tr><td>last_purchase_date</td><td>date</td><td>history as of the date</td><td>date of the last purchase, else the financial profile's last order date</td></tr>
 * <tr><td>days_since_last_purchase</td><td>number</td><td>history as of the date</td><td>days from the last purchase to the as-of date</td></tr>
 * <tr><td>order_count</td><td>number</td><td>history as of the date</td><td>lifetime number of orders: days with a sale, same-day lines once, returns never</td></tr>
 * <tr><td>total_spend</td><td>number</td><td>history as of the date</td><td>lifetime spend, net of returns</td></tr>
 * <tr><td>average_order_value</td><td>number</td><td>customer record</td><td>mean order value from the financial profile</td></tr>
 * <tr><td>orders_365d</td><td>number</td><td>history as of the date</td><td>orders (days with a sale) in the 365 days up to the as-of date</td></tr>
 * <tr><td>spend_365d</td><td>number</td><td>history as of the date</td><td>spend in the 365 days up to the as-of date</td></tr>
 * <tr><td>open_complaints</td><td>number</td><td>history as of the date</td><td>complaints received by the as-of date and not closed by its end</td></tr>
 * <tr><td>outstanding_balance</td><td>number</td><td>customer record</td><td>amount owed, from the financial profile</td></tr>
 * <tr><td>average_payment_days</td><td>number</td><td>customer record</td><td>mean days from invoice to payment; absent without invoices</td></tr>
 * <tr><td>customer_status</td><td>one of potential, intention, current, terminated</td><td>customer record</td><td>relationship status recorded on the customer</td></tr>
 * <tr><td>customer_grade</td><td>one of A, B, C</td><td>customer record</td><td>grade of a current customer recorded on the customer</td></tr>
 * <tr><td>cooperation_type</td><td>one of new, old, fixed, occasional</td><td>customer record</td><td>B2B cooperation type recorded on the customer</td></tr>
 * <tr><td>relationship_level</td><td>one of brand_affiliation, technology_distanced, face_to_face, intimate</td><td>customer record</td><td>relationship level recorded on the customer</td></tr>
 * <tr><td>relationship_type</td><td>one of basic, reactive, accountable, proactive, partnership</td><td>customer record</td><td>relationship type recorded on the customer</td></tr>
 * <tr><td>terminated</td><td>boolean</td><td>customer record</td><td>cooperation was terminated (the status is terminated)</td></tr>
 * <tr><td>buyer_readiness</td><td>one of unaware, aware, informed, interested, desire, intends_to_buy</td><td>set by the caller</td><td>buyer-readiness stage of a prospect</td></tr>
 * <tr><td>consent_email</td><td>boolean</td><td>customer record</td><td>may be contacted by e-mail (permitted now, opt-outs respected)</td></tr>
 * <tr><td>consent_phone</td><td>boolean</td><td>customer record</td><td>may be contacted by phone (permitted now, opt-outs respected)</td></tr>
 * <tr><td>consent_sms</td><td>boolean</td><td>customer record</td><td>may be contacted by SMS (permitted now, opt-outs respected)</td></tr>
 * <tr><td>consent_postal_mail</td><td>boolean</td><td>customer record</td><td>may be contacted by post (permitted now, opt-outs respected)</td></tr>
 * <tr><td>consent_fax</td><td>boolean</td><td>customer record</td><td>may be contacted by fax (permitted now, opt-outs respected)</td></tr>
 * <tr><td>consent_visit</td><td>boolean</td><td>customer record</td><td>may be visited (permitted now, opt-outs respected)</td></tr>
 * <tr><td>rfm_r</td><td>number</td><td>set by the caller</td><td>RFM recency score 1..5, 5 most recent</td></tr>
 * <tr><td>rfm_f</td><td>number</td><td>set by the caller</td><td>RFM frequency score 1..5, 5 most frequent</td></tr>
 * <tr><td>rfm_m</td><td>number</td><td>set by the caller</td><td>RFM monetary score 1..5, 5 highest spend</td></tr>
 * <tr><td>rfm_segment</td><td>string</td><td>set by the caller</td><td>RFM segment label computed elsewhere</td></tr>
 * <tr><td>clv</td><td>number</td><td>set by the caller</td><td>expected customer lifetime value</td></tr>
 * <tr><td>p_alive</td><td>number</td><td>set by the caller</td><td>probability that the customer is still active, 0..1</td></tr>
 * <tr><td>churn_risk</td><td>number</td><td>set by the caller</td><td>churn risk score 0..1</td></tr>
 * <tr><td>abc_class</td><td>one of A, B, C</td><td>set by the caller</td><td>class from an ABC (Pareto) analysis of value</td></tr>
 * </table>
 * Applications add their own attributes with {@link AttributeRegistry.Builder#addAll(AttributeRegistry)}
 * then further registrations.
 *
 * <pre>{@code
 * AttributeRegistry r = StandardAttributes.registry();
 * int ageSlot = r.slot(StandardAttributes.AGE);
 * }</pre>
 *
 * <p>Stateless and thread-safe; the registry is immutable.
 */
public final class StandardAttributes {

    /** Person or organization. */
    public static final String KIND = "kind";
    /** Age in whole years at the as-of date. */
    public static final String AGE = "age";
    /** Gender. */
    public static final String GENDER = "gender";
    /** Marital status. */
    public static final String MARITAL_STATUS = "marital_status";
    /** Age of the youngest child living at home; absent when none. */
    public static final String YOUNGEST_CHILD_AGE = "youngest_child_age";
    /** Employment status. */
    public static final String EMPLOYMENT_STATUS = "employment_status";
    /** Region code. */
    public static final String REGION = "region";
    /** Postal code. */
    public static final String POSTAL_CODE = "postal_code";
    /** Industry of an organization. */
    public static final String INDUSTRY = "industry";
    /** Number of employees of an organization. */
    public static final String EMPLOYEES = "employees";
    /** Annual revenue of an organization in its reporting currency. */
    public static final String ANNUAL_REVENUE = "annual_revenue";
    /** Income band. */
    public static final String INCOME_BAND = "income_band";
    /** Days from the first purchase to the as-of date. */
    public static final String TENURE_DAYS = "tenure_days";
    /** Days from the last purchase to the as-of date. */
    public static final String DAYS_SINCE_LAST_PURCHASE = "days_since_last_purchase";
    /** Lifetime number of orders. */
    public static final String ORDER_COUNT = "order_count";
    /** Lifetime spend. */
    public static final String TOTAL_SPEND = "total_spend";
    /** Orders in the 365 days up to the as-of date. */
    public static final String ORDERS_365D = "orders_365d";
    /** Spend in the 365 days up to the as-of date. */
    public static final String SPEND_365D = "spend_365d";
    /** Open complaints. */
    public static final String OPEN_COMPLAINTS = "open_complaints";
    /** Mean days from invoice to payment. */
    public static final String AVERAGE_PAYMENT_DAYS = "average_payment_days";
    /** Whether cooperation was terminated. */
    public static final String TERMINATED = "terminated";
    /** Buyer-readiness stage of a prospect. */
    public static final String BUYER_READINESS = "buyer_readiness";
    /** RFM recency score 1..5 (5 most recent). */
    public static final String RFM_R = "rfm_r";
    /** RFM frequency score 1..5. */
    public static final String RFM_F = "rfm_f";
    /** RFM monetary score 1..5. */
    public static final String RFM_M = "rfm_m";
    /** ABC class from a Pareto (ABC) analysis: A, B or C. */
    public static final String ABC_CLASS = "abc_class";

    private static final StandardAttribute.Source PROFILE = StandardAttribute.Source.PROFILE;
    private static final StandardAttribute.Source HISTORY = StandardAttribute.Source.HISTORY;

    /** The one table: name, type, description, source and extractor of every standard attribute. */
    private static final List<StandardAttribute> TABLE = table();

    private static final AttributeRegistry REGISTRY = registry(TABLE);

    private StandardAttributes() {
    }

    /**
     * Returns the registry of standard attributes.
     *
     * @return the immutable registry, never null
     */
    public static AttributeRegistry registry() {
        return REGISTRY;
    }

    /** The table, in registry order. */
    static List<StandardAttribute> table() {
        List<StandardAttribute> t = new ArrayList<>();
        // profile
        t.add(row(PROFILE, oneOf(KIND, List.of("person", "organization"), "person or organization"),
                f -> CustomerFacts.lower(f.customer().kind())));
        t.add(row(PROFILE, number(AGE, "age in whole years at the as-of date; absent without a birth date"),
                person((p, f) -> p.birthDate() == null || f.asOf().isBefore(p.birthDate()) ? null : p.ageOn(f.asOf()))));
        t.add(row(PROFILE, oneOf(GENDER, List.of("female", "male", "diverse", "undisclosed"), "gender"),
                person((p, f) -> CustomerFacts.lower(p.gender()))));
        t.add(row(PROFILE, oneOf(MARITAL_STATUS, List.of("single", "married", "partnered", "divorced", "widowed"),
                "marital status"), person((p, f) -> CustomerFacts.lower(p.maritalStatus()))));
        t.add(row(PROFILE, number("household_size", "persons in the household"),
                person((p, f) -> p.householdSize())));
        t.add(row(PROFILE, oneOf("household_structure", List.of("single_person", "couple", "couple_with_children",
                "single_parent", "multi_generation", "shared"), "household structure"),
                person((p, f) -> CustomerFacts.lower(p.householdStructure()))));
        t.add(caller(number(YOUNGEST_CHILD_AGE,
                "age in years of the youngest child living at home; absent when none")));
        t.add(row(PROFILE, oneOf(EMPLOYMENT_STATUS,
                List.of("employed", "self_employed", "unemployed", "retired", "student", "homemaker"),
                "employment status of the person (the household head)"),
                person((p, f) -> CustomerFacts.lower(p.employmentStatus()))));
        t.add(row(PROFILE, string("occupation", "occupation"), person((p, f) -> p.occupation())));
        t.add(row(PROFILE, oneOf("education", List.of("primary", "secondary", "vocational", "bachelor", "master",
                "doctorate"), "highest education"), person((p, f) -> CustomerFacts.lower(p.education()))));
        t.add(row(PROFILE, oneOf(INCOME_BAND, List.of("low", "lower_middle", "middle", "upper_middle", "high"),
                "monthly income band"), person((p, f) -> CustomerFacts.lower(p.incomeBand()))));
        t.add(row(PROFILE, string("country", "ISO 3166 country code of the first postal address"),
                address(PostalAddress::countryCode)));
        t.add(row(PROFILE, string(REGION, "region code of the first postal address"),
                address(PostalAddress::regionCode)));
        t.add(row(PROFILE, string("city", "city of the first postal address"), address(PostalAddress::city)));
        t.add(row(PROFILE, string(POSTAL_CODE, "postal code of the first postal address"),
                address(PostalAddress::postalCode)));
        t.add(row(PROFILE, oneOf("area_type", List.of("urban", "suburban", "rural"),
                "type of the first postal address's area"), address(a -> CustomerFacts.lower(a.type()))));
        t.add(row(PROFILE, string(INDUSTRY, "industry of an organization"), organization(o -> o.industry())));
        t.add(row(PROFILE, number(EMPLOYEES, "number of employees of an organization"),
                organization(o -> o.employees())));
        t.add(row(PROFILE, number(ANNUAL_REVENUE, "annual revenue of an organization"),
                f -> f.customer().organization().map(OrganizationProfile::annualRevenue).map(f::money).orElse(null)));
        t.add(row(PROFILE, string("credit_rating",
                "credit rating, e.g. AAA or BB: the financial profile's, else the organization's"),
                f -> f.financial().map(FinancialProfile::creditRating)
                        .or(() -> f.customer().organization().map(OrganizationProfile::creditRating))
                        .map(Enum::name).orElse(null)));
        t.add(row(PROFILE, string("email", "first e-mail address"),
                f -> f.customer().contacts().emails().stream().findFirst().map(e -> e.address()).orElse(null)));
        t.add(caller(Attribute.of("tags", AttributeType.STRING_SET, "free tags")));
        // derived facts, as of a date
        t.add(row(HISTORY, number(TENURE_DAYS,
                "days from the first purchase to the as-of date; absent before a first purchase"),
                f -> f.firstPurchase().map(d -> (double) (f.asOf().toEpochDay() - d.toEpochDay())).orElse(null)));
        t.add(row(HISTORY, date("first_purchase_date",
                "date of the first purchase, else the financial profile's first order date"),
                f -> f.firstPurchase().orElse(null)));
        t.add(row(HISTORY, date("last_purchase_date",
                "date of the last purchase, else the financial profile's last order date"),
                f -> f.lastPurchase().orElse(null)));
        t.add(row(HISTORY, number(DAYS_SINCE_LAST_PURCHASE, "days from the last purchase to the as-of date"),
                f -> f.lastPurchase().map(d -> (double) (f.asOf().toEpochDay() - d.toEpochDay())).orElse(null)));
        t.add(row(HISTORY, number(ORDER_COUNT,
                "lifetime number of orders: days with a sale, same-day lines once, returns never"),
                f -> f.view().orderCount(f.zone())));
        t.add(row(HISTORY, number(TOTAL_SPEND, "lifetime spend, net of returns"),
                f -> f.total(f.view().totalSpend())));
        t.add(row(PROFILE, number("average_order_value", "mean order value from the financial profile"),
                f -> f.financial().map(FinancialProfile::averageOrderValue).map(f::money).orElse(null)));
        t.add(row(HISTORY, number(ORDERS_365D, "orders (days with a sale) in the 365 days up to the as-of date"),
                f -> f.view().orderCount(f.zone(), f.yearStart(), f.dayEnd())));
        t.add(row(HISTORY, number(SPEND_365D, "spend in the 365 days up to the as-of date"),
                f -> f.total(f.view().totalSpend(f.yearStart(), f.dayEnd()))));
        t.add(row(HISTORY, number(OPEN_COMPLAINTS,
                "complaints received by the as-of date and not closed by its end"),
                f -> f.view().openComplaints().size()));
        t.add(row(PROFILE, number("outstanding_balance", "amount owed, from the financial profile"),
                f -> f.financial().map(FinancialProfile::outstandingBalance).map(f::money).orElse(null)));
        t.add(row(PROFILE, number(AVERAGE_PAYMENT_DAYS, "mean days from invoice to payment; absent without invoices"),
                f -> f.financial().map(FinancialProfile::averagePaymentTermDays).orElse(null)));
        t.add(row(PROFILE, oneOf("customer_status", List.of("potential", "intention", "current", "terminated"),
                "relationship status recorded on the customer"), f -> CustomerFacts.lower(f.customer().status())));
        t.add(row(PROFILE, oneOf("customer_grade", List.of("A", "B", "C"),
                "grade of a current customer recorded on the customer"),
                f -> f.customer().grade().map(Enum::name).orElse(null)));
        t.add(row(PROFILE, oneOf("cooperation_type", List.of("new", "old", "fixed", "occasional"),
                "B2B cooperation type recorded on the customer"),
                f -> CustomerFacts.lower(f.customer().classification().cooperation())));
        t.add(row(PROFILE, oneOf("relationship_level", List.of("brand_affiliation", "technology_distanced",
                "face_to_face", "intimate"), "relationship level recorded on the customer"),
                f -> CustomerFacts.lower(f.customer().classification().relationshipLevel())));
        t.add(row(PROFILE, oneOf("relationship_type", List.of("basic", "reactive", "accountable", "proactive",
                "partnership"), "relationship type recorded on the customer"),
                f -> CustomerFacts.lower(f.customer().classification().relationshipType())));
        t.add(row(PROFILE, bool(TERMINATED, "cooperation was terminated (the status is terminated)"),
                f -> f.customer().status() == CustomerStatus.TERMINATED));
        t.add(caller(oneOf(BUYER_READINESS,
                List.of("unaware", "aware", "informed", "interested", "desire", "intends_to_buy"),
                "buyer-readiness stage of a prospect")));
        t.add(consent(ContactChannel.EMAIL, "may be contacted by e-mail"));
        t.add(consent(ContactChannel.PHONE, "may be contacted by phone"));
        t.add(consent(ContactChannel.SMS, "may be contacted by SMS"));
        t.add(consent(ContactChannel.POSTAL_MAIL, "may be contacted by post"));
        t.add(consent(ContactChannel.FAX, "may be contacted by fax"));
        t.add(consent(ContactChannel.VISIT, "may be visited"));
        // scores supplied by the caller
        t.add(caller(number(RFM_R, "RFM recency score 1..5, 5 most recent")));
        t.add(caller(number(RFM_F, "RFM frequency score 1..5, 5 most frequent")));
        t.add(caller(number(RFM_M, "RFM monetary score 1..5, 5 highest spend")));
        t.add(caller(string("rfm_segment", "RFM segment label computed elsewhere")));
        t.add(caller(number("clv", "expected customer lifetime value")));
        t.add(caller(number("p_alive", "probability that the customer is still active, 0..1")));
        t.add(caller(number("churn_risk", "churn risk score 0..1")));
        t.add(caller(oneOf(ABC_CLASS, List.of("A", "B", "C"), "class from an ABC (Pareto) analysis of value")));
        return List.copyOf(t);
    }

    /**
     * The rows of the Javadoc table above, one line each as they appear in this file's source; a
     * test compares them with the source so the documentation cannot drift from the table.
     */
    static List<String> javadocRows() {
        List<String> rows = new ArrayList<>();
        for (StandardAttribute row : TABLE) {
            Attribute a = row.attribute();
            String type = a.type() == AttributeType.ENUM ? "one of " + String.join(", ", a.values())
                    : a.type().jsonName();
            rows.add(" * <tr><td>" + html(a.name()) + "</td><td>" + html(type) + "</td><td>" + row.source().text()
                    + "</td><td>" + html(a.description()) + "</td></tr>");
        }
        return rows;
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static AttributeRegistry registry(List<StandardAttribute> table) {
        AttributeRegistry.Builder b = AttributeRegistry.builder();
        for (StandardAttribute row : table) {
            b.add(row.attribute());
        }
        return b.build();
    }

    private static StandardAttribute row(StandardAttribute.Source source, Attribute attribute,
            Function<CustomerFacts, Object> extractor) {
        return new StandardAttribute(attribute, source, extractor);
    }

    private static StandardAttribute caller(Attribute attribute) {
        return new StandardAttribute(attribute, StandardAttribute.Source.CALLER, null);
    }

    private static StandardAttribute consent(ContactChannel channel, String description) {
        return row(PROFILE, bool("consent_" + CustomerFacts.lower(channel), description
                + " (permitted now, opt-outs respected)"), f -> f.customer().consents().permits(channel));
    }

    private static Function<CustomerFacts, Object> person(
            java.util.function.BiFunction<PersonProfile, CustomerFacts, Object> read) {
        return f -> {
            Customer c = f.customer();
            return c.person().isPresent() ? read.apply(c.person().get(), f) : null;
        };
    }

    private static Function<CustomerFacts, Object> organization(Function<OrganizationProfile, Object> read) {
        return f -> f.customer().organization().map(read).orElse(null);
    }

    private static Function<CustomerFacts, Object> address(Function<PostalAddress, Object> read) {
        return f -> f.firstAddress().map(read).orElse(null);
    }

    private static Attribute number(String name, String description) {
        return Attribute.of(name, AttributeType.NUMBER, description);
    }

    private static Attribute string(String name, String description) {
        return Attribute.of(name, AttributeType.STRING, description);
    }

    private static Attribute bool(String name, String description) {
        return Attribute.of(name, AttributeType.BOOLEAN, description);
    }

    private static Attribute date(String name, String description) {
        return Attribute.of(name, AttributeType.DATE, description);
    }

    private static Attribute oneOf(String name, List<String> values, String description) {
        return Attribute.ofEnum(name, values, description);
    }
}
