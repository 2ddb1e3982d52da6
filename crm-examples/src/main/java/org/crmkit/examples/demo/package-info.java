/**
 * Simulated customer populations for the {@code crm demo} command and for experiments.
 *
 * <p>Entry point: {@link org.crmkit.examples.demo.PopulationSimulator}.
 */
package org.crmkit.examples.demo;
