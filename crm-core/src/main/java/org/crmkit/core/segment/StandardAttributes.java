package org.crmkit.core.segment;

import java.util.List;

/**
 * The standard customer attributes every crmkit segmentation may read: profile fields, derived
 * facts from the 360-degree view, and scores supplied by the caller.
 *
 * <table>
 * <caption>standard attributes</caption>
 * <tr><th>group</th><th>attributes</th></tr>
 * <tr><td>profile</td><td>kind, age, gender, marital_status, household_size, household_structure,
 *   youngest_child_age,
 *   employment_status, occupation, education, income_band, country, region, city, postal_code,
 *   area_type, industry, employees, annual_revenue, credit_rating, email, tags</td></tr>
 * <tr><td>derived (as of a date)</td><td>tenure_days, first_purchase_date, last_purchase_date,
 *   days_since_last_purchase, order_count, total_spend, average_order_value, orders_365d,
 *   spend_365d, open_complaints, outstanding_balance, average_payment_days, terminated,
 *   customer_status, customer_grade, cooperation_type, relationship_level, relationship_type,
 *   buyer_readiness, consent_email, consent_phone, consent_sms,
 *   consent_postal_mail, consent_fax, consent_visit</td></tr>
 * <tr><td>scores from the caller</td><td>rfm_r, rfm_f, rfm_m (1..5), rfm_segment, clv, p_alive,
 *   churn_risk, abc_class</td></tr>
 * </table>
 * Each attribute's description says what it holds and when it is absent. Applications add their
 * own attributes with {@link AttributeRegistry.Builder#addAll(AttributeRegistry)} then further
 * registrations.
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

    private static final AttributeRegistry REGISTRY = AttributeRegistry.builder()
            // profile
            .enumeration(KIND, List.of("person", "organization"), "person or organization")
            .number(AGE, "age in whole years at the as-of date; absent without a birth date")
            .enumeration(GENDER, List.of("female", "male", "diverse", "undisclosed"), "gender")
            .enumeration(MARITAL_STATUS, List.of("single", "married", "partnered", "divorced", "widowed"),
                    "marital status")
            .number("household_size", "persons in the household")
            .enumeration("household_structure", List.of("single_person", "couple", "couple_with_children",
                    "single_parent", "multi_generation", "shared"), "household structure")
            .number(YOUNGEST_CHILD_AGE, "age in years of the youngest child living at home; absent when none")
            .enumeration(EMPLOYMENT_STATUS,
                    List.of("employed", "self_employed", "unemployed", "retired", "student", "homemaker"),
                    "employment status of the person (the household head)")
            .string("occupation", "occupation")
            .enumeration("education", List.of("primary", "secondary", "vocational", "bachelor", "master", "doctorate"),
                    "highest education")
            .enumeration(INCOME_BAND, List.of("low", "lower_middle", "middle", "upper_middle", "high"),
                    "monthly income band")
            .string("country", "ISO 3166 country code")
            .string(REGION, "region code")
            .string("city", "city")
            .string(POSTAL_CODE, "postal code")
            .enumeration("area_type", List.of("urban", "suburban", "rural"), "type of the main address area")
            .string(INDUSTRY, "industry of an organization")
            .number(EMPLOYEES, "number of employees of an organization")
            .number(ANNUAL_REVENUE, "annual revenue of an organization")
            .string("credit_rating", "credit rating, e.g. AAA or BB")
            .string("email", "first e-mail address")
            .stringSet("tags", "free tags")
            // derived facts, as of a date
            .number(TENURE_DAYS, "days from the first purchase to the as-of date; absent before a first purchase")
            .date("first_purchase_date", "date of the first purchase")
            .date("last_purchase_date", "date of the last purchase")
            .number(DAYS_SINCE_LAST_PURCHASE, "days from the last purchase to the as-of date")
            .number(ORDER_COUNT, "lifetime number of orders: days with a sale, same-day lines once, returns never")
            .number(TOTAL_SPEND, "lifetime spend")
            .number("average_order_value", "mean order value; absent without orders")
            .number(ORDERS_365D, "orders (days with a sale) in the 365 days up to the as-of date")
            .number(SPEND_365D, "spend in the 365 days up to the as-of date")
            .number(OPEN_COMPLAINTS, "complaints not yet resolved")
            .number("outstanding_balance", "amount owed")
            .number(AVERAGE_PAYMENT_DAYS, "mean days from invoice to payment; absent without invoices")
            .enumeration("customer_status", List.of("potential", "intention", "current", "terminated"),
                    "relationship status recorded on the customer")
            .enumeration("customer_grade", List.of("A", "B", "C"),
                    "grade of a current customer recorded on the customer")
            .enumeration("cooperation_type", List.of("new", "old", "fixed", "occasional"),
                    "B2B cooperation type recorded on the customer")
            .enumeration("relationship_level", List.of("brand_affiliation", "technology_distanced", "face_to_face",
                    "intimate"), "relationship level recorded on the customer")
            .enumeration("relationship_type", List.of("basic", "reactive", "accountable", "proactive", "partnership"),
                    "relationship type recorded on the customer")
            .bool(TERMINATED, "cooperation was terminated")
            .enumeration(BUYER_READINESS,
                    List.of("unaware", "aware", "informed", "interested", "desire", "intends_to_buy"),
                    "buyer-readiness stage of a prospect")
            .bool("consent_email", "may be contacted by e-mail")
            .bool("consent_phone", "may be contacted by phone")
            .bool("consent_sms", "may be contacted by SMS")
            .bool("consent_postal_mail", "may be contacted by post")
            .bool("consent_fax", "may be contacted by fax")
            .bool("consent_visit", "may be visited")
            // scores supplied by the caller
            .number(RFM_R, "RFM recency score 1..5, 5 most recent")
            .number(RFM_F, "RFM frequency score 1..5, 5 most frequent")
            .number(RFM_M, "RFM monetary score 1..5, 5 highest spend")
            .string("rfm_segment", "RFM segment label computed elsewhere")
            .number("clv", "expected customer lifetime value")
            .number("p_alive", "probability that the customer is still active, 0..1")
            .number("churn_risk", "churn risk score 0..1")
            .enumeration(ABC_CLASS, List.of("A", "B", "C"), "class from an ABC (Pareto) analysis of value")
            .build();

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
}
