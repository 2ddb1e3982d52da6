package org.crmkit.core.customer;

/**
 * The nine stages of the family life cycle, from young single to solitary retired (Wells and Gubar, 1966, Journal of Marketing Research 3(4)).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum FamilyLifeCycleStage {
    /** Young, single, not living with parents. */
    BACHELOR,
    /** Young couple without children. */
    NEWLY_MARRIED,
    /** Youngest child under six. */
    FULL_NEST_I,
    /** Youngest child six or older. */
    FULL_NEST_II,
    /** Older couple with dependent children. */
    FULL_NEST_III,
    /** No children at home, head of household working. */
    EMPTY_NEST_I,
    /** No children at home, head of household retired. */
    EMPTY_NEST_II,
    /** Solitary survivor, in the labour force. */
    SOLITARY_SURVIVOR_WORKING,
    /** Solitary survivor, retired. */
    SOLITARY_SURVIVOR_RETIRED
}
