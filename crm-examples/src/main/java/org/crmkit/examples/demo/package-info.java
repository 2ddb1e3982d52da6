/**
 * Simulated customer populations for the {@code crm demo} command and for experiments.
 *
 * <p>Entry points: {@link org.crmkit.examples.demo.PopulationSimulator} (customers whose buying
 * follows a {@link org.crmkit.examples.demo.Behaviour}) and
 * {@link org.crmkit.examples.demo.RelationshipReplay} (their purchases replayed through the
 * relationship lifecycle of crm-core) and {@link org.crmkit.examples.demo.ValueReport} (their
 * purchases scored by crm-scoring: RFM, 80/20, BG/NBD and Gamma-Gamma, lifetime value).
 */
package org.crmkit.examples.demo;
